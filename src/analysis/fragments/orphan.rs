//! `fragment/orphan-attribution`: a sentence that is only an attribution.
//!
//! When a scraper or a spinner drops a quotation, its attribution stays
//! behind as a sentence of its own: "Putin asked, in an interview reported
//! by Bloomberg News.", "He said.", "Said Ann Lee, a Democrat and former
//! mayor.", "Cruz said:" at the end of the text.
//!
//! The quote pass reads the cue of every sentence without quotation marks
//! ([`BareCue`]: a speaker — pronoun, name with titles, role — and a
//! reporting verb, or an opening "according to" and its source). This
//! module is the judgement only: the cue is an orphan when its verb needs
//! an object and
//!
//! - nothing else is in its sentence but circumstances: where, when, to
//!   whom, how ("in a statement", "on Tuesday", "to reporters", "while
//!   campaigning in Iowa", "according to ..."), possibly fronted ("In the
//!   excerpt, the author wrote."), and an appositive after the speaker;
//! - it belongs to no neighbouring quote: it is not right after a sentence
//!   that ends with a closing mark ("“Why?” Clinton asked."), nor right
//!   before one that opens with a mark.
//!
//! Anything that can be reported content (a that-clause, an object, a
//! clause after the verb) means the sentence stands. The judgement runs in
//! the document-wide step: it needs the paragraph's place (a Title Case
//! first paragraph is a headline; a colon attribution counts only at the
//! very end of the article).

use super::orphan_words::{
    AMOUNTS, APPROXIMATORS, CONTENT_MARKERS, DAY_PARTS, DIRECT_LISTENER, FRONTED_PARTICIPLES,
    INVERTED_OPENERS, INVERTIBLE, MAX_SPEAKER_WORDS, MAX_TOKENS, NOT_IN_SPEAKER, NP_LINKS,
    PRE_VERB, REMNANTS, TIME_ADVERBS, TIME_DEIXIS, TIME_EDGES, TIME_UNITS, excluded_prepositions,
};
use super::{Doc, Fragment, FragmentKind};
use crate::analysis::Span;
use crate::analysis::lexicon::Tags;
use crate::analysis::quotes::BareCue;
use crate::analysis::text::{ParagraphModel, Shape, TextModel, Token};
use crate::analysis::work::{tick, tick_n};

/// The orphan attributions among `cues` (absolute, in document order), for
/// the article paragraphs of `doc`.
pub(crate) fn combine(doc: &Doc, model: &TextModel, cues: &[BareCue], out: &mut Vec<Fragment>) {
    let mut next = 0;
    for (i, placed) in doc.paras.iter().enumerate() {
        tick();
        let Some(para) = model.paragraphs.get(placed.index) else {
            continue;
        };
        let end = placed.start + para.text.len();
        while cues
            .get(next)
            .is_some_and(|c| c.sentence.start < placed.start)
        {
            tick();
            next += 1;
        }
        let from = next;
        while cues.get(next).is_some_and(|c| c.sentence.start < end) {
            tick();
            next += 1;
        }
        if i == 0 && para.hints.title_case {
            continue;
        }
        let judge = Judge {
            para,
            ends_article: doc.next(i).is_none(),
        };
        out.extend(
            cues.get(from..next)
                .unwrap_or_default()
                .iter()
                .filter_map(|c| {
                    let relative =
                        |s: Span| Span::new(s.start - placed.start, s.end - placed.start);
                    let cue = BareCue {
                        sentence: relative(c.sentence),
                        speaker: relative(c.speaker),
                        verb: relative(c.verb),
                        ..*c
                    };
                    Some(judge.orphan(&cue)?.shifted(placed.start))
                }),
        );
    }
}

/// The judgement over one paragraph's cues.
struct Judge<'m> {
    para: &'m ParagraphModel,
    /// The paragraph is the article's last.
    ends_article: bool,
}

impl<'m> Judge<'m> {
    fn lower(&self, t: &Token) -> &'m str {
        self.para.lower(t)
    }

    fn is_in(&self, t: &Token, list: &[&str]) -> bool {
        t.is_word() && list.contains(&self.lower(t))
    }

    fn punct(&self, t: &Token, chars: &str) -> bool {
        t.is_punct()
            && t.span
                .text(&self.para.text)
                .chars()
                .all(|c| chars.contains(c))
    }

    fn tagged(t: &Token, tag: Tags) -> bool {
        t.is_word() && t.tags.contains(tag)
    }

    /// The fragment for `cue` (spans relative to the paragraph), when its
    /// sentence is an orphan attribution.
    fn orphan(&self, cue: &BareCue) -> Option<Fragment> {
        let para = self.para;
        // Sentences are in order and do not overlap: a binary search finds
        // the cue's (scanning for it costs the square of a paragraph of
        // thousands of attributions).
        tick_n((usize::BITS - para.sentences.len().leading_zeros()) as usize);
        let k = para
            .sentences
            .partition_point(|s| s.start < cue.sentence.start);
        para.sentences.get(k).filter(|s| **s == cue.sentence)?;
        let toks = para.sentence(k);
        let (last, body) = toks.split_last()?;
        let colon = self.punct(last, ":");
        let is_last_sentence = k + 1 == para.sentences.len();
        if !(colon || self.punct(last, "."))
            || body.last().is_some_and(|t| self.punct(t, "."))
            || (colon && !(is_last_sentence && self.ends_article))
            || toks.len() > MAX_TOKENS
            || self.tied_to_quote(k)
        {
            return None;
        }
        // the rest reads the sentence's tokens a bounded number of times
        tick_n(16 * toks.len());
        let at = |span: Span| body.partition_point(|t| t.span.start < span.start);
        let (speaker, verb) = (at(cue.speaker), at(cue.verb));
        let speaker_end = body.partition_point(|t| t.span.end <= cue.speaker.end);
        let verb_end = body.partition_point(|t| t.span.end <= cue.verb.end);
        let orphan = if cue.according_to {
            verb == 0 && self.bare_source(body.get(verb_end..)?)
        } else if cue.verb_tags.contains(Tags::REPORTING_VERB | Tags::OBJECT) {
            if cue.inverted {
                self.inverted(body)
            } else {
                let verb_word = self.lower(body.get(verb)?);
                self.speaker_ok(body.get(speaker..speaker_end)?)
                    && self.lead_ok(body.get(..speaker)?)
                    && self.gap_ok(
                        body.get(speaker..speaker_end)?,
                        body.get(speaker_end..verb)?,
                    )
                    && self.circumstances_only(verb_word, body.get(verb_end..)?)
            }
        } else {
            false
        };
        let shown = Span::new(cue.sentence.start, last.span.end);
        orphan.then(|| {
            Fragment::warning(
                shown,
                FragmentKind::OrphanAttribution,
                "Attribution with nothing attributed: the sentence names a speaker and a \
                 reporting verb but no quote or reported content (was the quotation cut away?)"
                    .to_string(),
            )
        })
    }

    /// Sentence `k` is the attribution of a quote next to it: the sentence
    /// before ends with a quotation mark, or the one after opens with one.
    fn tied_to_quote(&self, k: usize) -> bool {
        let para = self.para;
        let mark =
            |t: Option<&Token>| t.is_some_and(|t| para.quotes.mark_at(t.span.start).is_some());
        let after_quote = k
            .checked_sub(1)
            .is_some_and(|j| mark(para.sentence(j).last()));
        after_quote || mark(para.sentence(k + 1).first())
    }

    /// "Said Ann Lee, a Democrat and former mayor.": the speaker after the
    /// verb, up to a comma, is a name or a noun phrase with no clause.
    fn inverted(&self, body: &[Token]) -> bool {
        let Some((first, rest)) = body.split_first() else {
            return false;
        };
        if !first.is_capitalised() || !self.is_in(first, INVERTIBLE) {
            return false;
        }
        let end = rest
            .iter()
            .position(|t| self.punct(t, ","))
            .unwrap_or(rest.len());
        let speaker = &rest[..end];
        let Some(head) = speaker.first() else {
            return false;
        };
        let head_ok = head.is_capitalised()
            || self.is_in(head, INVERTED_OPENERS)
            || speaker.iter().any(Token::is_capitalised);
        head_ok
            && !self.is_in(head, &["to", "that"])
            && word_count(speaker) <= MAX_SPEAKER_WORDS
            && !speaker
                .iter()
                .any(|t| Self::tagged(t, Tags::AUXILIARY) || self.is_in(t, CONTENT_MARKERS))
    }

    /// "According to the agency." : a source with nothing it says.
    fn bare_source(&self, rest: &[Token]) -> bool {
        word_count(rest) > 0
            && !rest.iter().any(|t| self.punct(t, ","))
            && self.is_circumstance(rest, false)
    }

    /// The speaker the cue names can speak: not "nobody", not a clause, a
    /// lone word a pronoun or a name.
    fn speaker_ok(&self, np: &[Token]) -> bool {
        let words: Vec<&Token> = np.iter().filter(|t| t.is_word()).collect();
        let Some(head) = words.first() else {
            return false;
        };
        if words.len() > MAX_SPEAKER_WORDS || Self::tagged(head, Tags::NON_SPEAKER) {
            return false;
        }
        if let [only] = words.as_slice() {
            let pronoun = Self::tagged(only, Tags::SUBJECT_PRONOUN) && self.lower(only) != "you";
            let name = only.is_capitalised()
                && !Self::tagged(only, Tags::DETERMINER)
                && !Self::tagged(only, Tags::CALENDAR);
            return pronoun || name;
        }
        words[1..].iter().all(|w| {
            !Self::tagged(w, Tags::AUXILIARY)
                && !Self::tagged(w, Tags::SUBJECT_PRONOUN)
                && !self.is_in(w, CONTENT_MARKERS)
                && !self.is_in(w, NOT_IN_SPEAKER)
        })
    }

    /// What stands before the speaker: nothing, or fronted circumstances
    /// each closed by a comma ("In the memo, the author wrote.").
    fn lead_ok(&self, lead: &[Token]) -> bool {
        let Some((last, chunks)) = lead.split_last() else {
            return true;
        };
        self.punct(last, ",") && self.comma_chunks(chunks).iter().all(|c| self.is_fronted(c))
    }

    /// What stands between the speaker and the verb: adverbs ("also",
    /// "later"), after an appositive between commas when the speaker is
    /// named ("Lee, 45, said").
    fn gap_ok(&self, speaker: &[Token], gap: &[Token]) -> bool {
        let mut end = gap.len();
        while end > 0 && self.is_in(&gap[end - 1], PRE_VERB) {
            end -= 1;
        }
        let mut gap = &gap[..end];
        // "Rep. Joan Marsh (D-Ore.), who chairs the panel, said."
        if gap.first().is_some_and(|t| self.punct(t, "("))
            && let Some(close) = gap.iter().position(|t| self.punct(t, ")"))
        {
            gap = &gap[close + 1..];
        }
        let [open, inner @ .., close] = gap else {
            return gap.is_empty();
        };
        self.punct(open, ",")
            && self.punct(close, ",")
            && self.comma_chunks(inner).iter().all(|c| !c.is_empty())
            && speaker
                .iter()
                .any(|t| t.is_capitalised() && !Self::tagged(t, Tags::DETERMINER) && !self.opens(t))
    }

    fn opens(&self, t: &Token) -> bool {
        Self::tagged(t, Tags::CIRCUMSTANCE_OPENER)
    }

    /// Split `tokens` at commas outside parentheses.
    fn comma_chunks<'a>(&self, tokens: &'a [Token]) -> Vec<&'a [Token]> {
        let mut chunks = Vec::new();
        let mut depth = 0usize;
        let mut start = 0;
        for (i, t) in tokens.iter().enumerate() {
            if self.punct(t, "(") {
                depth += 1;
            } else if self.punct(t, ")") {
                depth = depth.saturating_sub(1);
            } else if self.punct(t, ",") && depth == 0 {
                chunks.push(&tokens[start..i]);
                start = i + 1;
            }
        }
        chunks.push(&tokens[start..]);
        chunks
    }

    /// A fronted circumstance before the speaker: "In the excerpt", "While
    /// he was speaking in Miami", "Earlier Sunday", or a remnant like "But".
    fn is_fronted(&self, chunk: &[Token]) -> bool {
        let Some(head) = chunk.first() else {
            return false;
        };
        if word_count(chunk) <= 2 && chunk.iter().all(|t| self.is_in(t, REMNANTS)) {
            return true;
        }
        // "About half the vendors take cards": an amount, not a place or
        // a topic ("about the plan")
        if self.is_in(head, APPROXIMATORS) && chunk.get(1).is_some_and(|t| self.is_amount(t)) {
            return false;
        }
        let subordinate = Self::tagged(head, Tags::SUBORDINATOR);
        let opens = self.opens(head)
            || Self::tagged(head, Tags::CALENDAR)
            || self.is_in(head, FRONTED_PARTICIPLES);
        opens && self.is_circumstance(chunk, subordinate)
    }

    /// A number or a word of quantity ("half", "dozens").
    fn is_amount(&self, t: &Token) -> bool {
        t.shape == Shape::Number || self.is_in(t, AMOUNTS)
    }

    /// A circumstance chunk has no clause of its own (beyond the one a
    /// subordinator introduces) and nothing that reads as content.
    fn is_circumstance(&self, chunk: &[Token], subordinate: bool) -> bool {
        let has_content = chunk
            .iter()
            .any(|t| Self::tagged(t, Tags::MODAL) || self.is_in(t, CONTENT_MARKERS));
        let has_aux = chunk.iter().any(|t| Self::tagged(t, Tags::AUXILIARY));
        !has_content && (subordinate || !has_aux) && !self.breaks_clause(chunk)
    }

    /// A new noun phrase starts without a preposition before it ("in the
    /// end the plan failed": "the plan" after "end").
    fn breaks_clause(&self, chunk: &[Token]) -> bool {
        chunk.windows(2).any(|w| {
            let (prev, t) = (&w[0], &w[1]);
            let starts_np = Self::tagged(t, Tags::DETERMINER) && !self.is_in(t, &["one", "that"])
                || Self::tagged(t, Tags::SUBJECT_PRONOUN) && self.lower(t) != "you";
            let linked = !prev.is_word()
                || self.opens(prev)
                || Self::tagged(prev, Tags::SUBORDINATOR)
                || self.is_in(prev, FRONTED_PARTICIPLES)
                || self.is_in(prev, NP_LINKS)
                || self.lower(prev).ends_with("ing");
            starts_np && !linked
        })
    }

    /// The tokens after the verb are only circumstances (or a listener).
    fn circumstances_only(&self, verb: &str, tail: &[Token]) -> bool {
        let excluded = excluded_prepositions(verb);
        let mut pos = self.listener_len(verb, tail);
        let mut chunk_start: Option<usize> = None;
        let close_chunk = |start: Option<usize>, end: usize| {
            start.is_none_or(|s| {
                let chunk = &tail[s..end];
                let subordinate = chunk
                    .first()
                    .is_some_and(|h| Self::tagged(h, Tags::SUBORDINATOR));
                self.is_circumstance(chunk, subordinate)
            })
        };
        while let Some(t) = tail.get(pos) {
            if self.punct(t, ",()—") {
                if !close_chunk(chunk_start, pos) {
                    return false;
                }
                chunk_start = None;
                pos += 1;
                continue;
            }
            if chunk_start.is_some() {
                pos += 1;
                continue;
            }
            if self.is_in(t, excluded) || self.is_in(t, CONTENT_MARKERS) {
                return false;
            }
            if let Some(n) = self.time_len(&tail[pos..]) {
                pos += n;
                continue;
            }
            let after_comma = pos > 0 && self.punct(&tail[pos - 1], ",");
            if self.opens(t) || (after_comma && self.is_manner_participle(t)) {
                chunk_start = Some(pos);
                pos += 1;
                continue;
            }
            return false;
        }
        close_chunk(chunk_start, tail.len())
    }

    /// A present participle after a comma that describes how something
    /// was said (", pointing to the crowd", ", smiling"), not one that
    /// introduces reported content (", saying he would run").
    fn is_manner_participle(&self, t: &Token) -> bool {
        let l = self.lower(t);
        t.is_word()
            && l.len() > 4
            && l.ends_with("ing")
            && !t.tags.contains(Tags::REPORTING_VERB | Tags::PARTICIPLE)
    }

    /// Length of a time expression at the start of `tokens` ("Tuesday",
    /// "last week", "late Friday night", "earlier"), if there is one.
    fn time_len(&self, tokens: &[Token]) -> Option<usize> {
        let first = tokens.first()?;
        let at = |i: usize, list: &[&str]| tokens.get(i).is_some_and(|t| self.is_in(t, list));
        let calendar = |i: usize| {
            tokens
                .get(i)
                .is_some_and(|t| Self::tagged(t, Tags::CALENDAR))
        };
        if calendar(0) {
            return Some(if at(1, DAY_PARTS) { 2 } else { 1 });
        }
        if self.is_in(first, TIME_DEIXIS) && at(1, TIME_UNITS) {
            return Some(2);
        }
        if self.is_in(first, TIME_EDGES) && calendar(1) {
            return Some(if at(2, DAY_PARTS) { 3 } else { 2 });
        }
        self.is_in(first, TIME_ADVERBS).then_some(1)
    }

    /// How many tokens at the start of `tail` name who was told or asked,
    /// or who something was said to ("reporters", "The Associated Press",
    /// "to People").
    fn listener_len(&self, verb: &str, tail: &[Token]) -> usize {
        let direct = DIRECT_LISTENER.contains(&verb);
        let via_to = !direct && tail.first().is_some_and(|t| self.is_in(t, &["to"]));
        if !(direct || via_to) {
            return 0;
        }
        let offset = usize::from(via_to);
        let rest = &tail[offset..];
        let Some(first) = rest.first() else {
            return 0;
        };
        if Self::tagged(first, Tags::OBJECT_PRONOUN) && self.lower(first) != "it" {
            return offset + 1;
        }
        let det = usize::from(self.is_in(first, &["the", "a", "an"]));
        let named = rest[det..]
            .iter()
            .take_while(|t| t.is_capitalised() || self.is_in(t, &["of", "and"]) || t.possessive)
            .count();
        if named > 0 && rest.get(det).is_some_and(Token::is_capitalised) {
            return offset + det + named;
        }
        let audience = rest[det..]
            .iter()
            .take(3)
            .position(|t| Self::tagged(t, Tags::AUDIENCE));
        audience.map_or(0, |p| offset + det + p + 1)
    }
}

fn word_count(tokens: &[Token]) -> usize {
    tokens.iter().filter(|t| t.is_word()).count()
}

#[cfg(test)]
mod tests {
    use super::super::FragmentKind::OrphanAttribution;
    use super::super::test_support::found;

    fn flagged(sentence: &str) -> bool {
        let text = format!("Headline.\n\nThe council met on Monday. {sentence}\n\nIt voted.");
        !found(&text, OrphanAttribution).is_empty()
    }

    #[test]
    fn bare_attributions_are_orphans() {
        for s in [
            "He said.",
            "The senator added.",
            "Ann Lee said in a statement.",
            "The mayor asked, in an interview reported by a local radio station.",
            "She told reporters on Tuesday.",
            "He told The Daily Planet in March.",
            "Lee said to The Ledger.",
            "The governor said while campaigning in Dayton on Friday.",
            "Rep. Joan Marsh (D-Ore.), who chairs the panel, said.",
            "In the memo, the author wrote.",
            "But, he added.",
            "While she was touring the plant in Akron on Monday, she said.",
            "He said of the proposal.",
            "Mayor Ann Lee tweeted.",
            "The agency said last week, according to the Ledger.",
            "Said Ann Lee, a Democrat and former city councillor.",
            "Wrote one reader.",
            "Lee, 45, said.",
            "The spokesman said through a lawyer.",
            "Mayor Lee said at a news conference in Akron.",
            "According to the agency.",
            "He says.",
            "Lee said, pointing to the crowd and then to the stage.",
        ] {
            assert!(flagged(s), "{s}");
        }
    }

    #[test]
    fn attributions_with_content_stand() {
        for s in [
            "He said he would run again.",
            "She told CNN that the plan was dead.",
            "The mayor said Tuesday the plan failed.",
            "He said so.",
            "She said nothing.",
            "Prices rose, he said.",
            "In the end the plan failed, she said.",
            "He asked for help.",
            "She wrote for the Ledger for a decade.",
            "Nobody said.",
            "That's what he said.",
            "It was said.",
            "Said to be worth millions, the firm grew.",
            "The plan failed and nobody said.",
            "He told a story about the war.",
            "According to the agency, the plan failed.",
            "He was asked.",
            "So he said.",
            "Here's what she wrote.",
            "He said, saying the plan failed.",
            "Lee said, adding that the vote would wait.",
            "About half the vendors take cards, Ann Lee said.",
            "Around 300 people came, the organiser said.",
        ] {
            assert!(!flagged(s), "{s}");
        }
    }

    #[test]
    fn attributions_of_neighbouring_quotes_stand() {
        let text = "Headline.\n\n“Why not?” Ann Lee asked. “We can.”\n\n\
                    He said: “We will.”\n\n\
                    The mayor said. “We start today.”\n\n\
                    “We won,” he said. “Again.”";
        assert_eq!(found(text, OrphanAttribution), []);
    }

    #[test]
    fn colon_attribution_at_the_end_of_the_text() {
        let text = "Headline.\n\nThe vote passed.\n\nThe mayor said:";
        assert_eq!(
            found(text, OrphanAttribution),
            [(4, "The mayor said:".into())]
        );
        let text = "Headline.\n\nThe mayor said:\n\nWe will rebuild the bridge.";
        assert_eq!(found(text, OrphanAttribution), []);
    }

    #[test]
    fn exact_span_is_the_sentence() {
        let text = "Headline.\n\nThe council met. Lee asked, in an interview.\n\nIt voted.";
        assert_eq!(
            found(text, OrphanAttribution),
            [(2, "Lee asked, in an interview.".into())]
        );
    }
}
