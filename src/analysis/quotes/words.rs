//! Words: what attribution asks of the text model's tokens — reporting
//! verbs, titles, role nouns, pronouns — answered by the lexicon's tags.
//!
//! The quote pass has no tokenizer and no word lists of its own: it reads a
//! paragraph's [`Token`]s (spans relative to the paragraph) and their
//! [`Tags`]. The few lists that are the pass's own heuristics rather than
//! word classes are in [`super::tables`].

use super::super::Span;
use super::super::entities::Gender;
use super::super::lexicon::{self, Tags};
use super::super::text::{ParagraphModel, Shape, Token};
use crate::analysis::work::{tick, tick_n};

/// How a reporting verb is inflected, which tells how it attaches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VerbForm {
    /// "says", "said", "adds": a finite verb with its own subject.
    Finite,
    /// "saying", "adding": a participle whose subject is the clause's subject.
    Participle,
}

/// One reporting verb found in a token list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VerbHit {
    /// Index of the verb's first token and one past its last.
    pub first: usize,
    pub end: usize,
    pub form: VerbForm,
    /// "call", "describe", ...: verbs that frame a partial quote rather than
    /// introduce speech; trusted only inside one sentence.
    pub framing: bool,
}

/// What a role noun tells about its holder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RoleTag {
    Person(Option<Gender>),
    Group,
    Organization,
}

/// Personal pronouns that can be a speaker, with their gender.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pronoun {
    He,
    She,
    /// An organisation ("it said in a statement").
    It,
    They,
}

/// The gender tags give (male, female, or neither or both).
pub fn gender_of(tags: Tags) -> Option<Gender> {
    match (tags.contains(Tags::MALE), tags.contains(Tags::FEMALE)) {
        (true, false) => Some(Gender::Male),
        (false, true) => Some(Gender::Female),
        _ => None,
    }
}

/// The tokens of `para` that lie inside `span` (relative to the paragraph).
pub fn tokens_in(para: &ParagraphModel, span: Span) -> &[Token] {
    let list = &para.tokens.list;
    let from = list.partition_point(|t| t.span.start < span.start);
    let to = from + list[from..].partition_point(|t| t.span.end <= span.end);
    &list[from..to]
}

/// True for a punctuation token that is one of `chars`.
pub fn is_punct(para: &ParagraphModel, t: &Token, chars: &str) -> bool {
    t.is_punct()
        && t.span
            .text(&para.text)
            .chars()
            .next()
            .is_some_and(|c| chars.contains(c))
}

/// True for a word token whose lower-case stem is `word`.
pub fn is_word(para: &ParagraphModel, t: &Token, word: &str) -> bool {
    t.is_word() && para.lower(t) == word
}

/// The reporting verb starting at token `i`, if any (longest match:
/// "pointed out" before "pointed").
pub fn verb_at(para: &ParagraphModel, toks: &[Token], i: usize) -> Option<VerbHit> {
    let first = toks.get(i).filter(|t| t.is_word())?;
    let w1 = para.lower(first);
    if lexicon::starts_phrase(w1)
        && let Some(second) = toks.get(i + 1).filter(|t| t.is_word())
        && let Some((2, tags)) = lexicon::phrase(&[w1, para.lower(second)])
        && tags.contains(Tags::REPORTING_VERB)
    {
        return Some(hit(tags, i, i + 2));
    }
    let reporting = first.tags.contains(Tags::REPORTING_VERB);
    (reporting && !reads_as_noun(para, toks, i)).then(|| hit(first.tags, i, i + 1))
}

/// True when the reporting-verb word at `toks[i]` is written as a noun or a
/// name: after an article ("the state", "a report") or a demonym ("Asian
/// states"), or capitalised after a capitalised word outside a Title Case
/// line ("the United States"). After
/// a possessive it stays a cue: "his calls to end the “rigged economy”"
/// reports his words.
fn reads_as_noun(para: &ParagraphModel, toks: &[Token], i: usize) -> bool {
    let Some(before) = i.checked_sub(1).and_then(|j| toks.get(j)) else {
        return false;
    };
    if !before.is_word() || before.span.end == toks[i].span.start {
        return false;
    }
    let article = matches!(para.lower(before), "the" | "a" | "an");
    let name_part = toks[i].is_capitalised() && before.is_capitalised() && !para.hints.title_case;
    article
        || name_part
        || after_demonym(para, toks, i)
        || is_base_form_after_modifier(para, before, &toks[i])
}

/// "a heavily Democratic state", "many Asian states": a demonym or party
/// word used as an adjective makes the word after it a noun. A base form
/// cannot agree with a singular demonym as its subject; a form in "-s"
/// can ("the Texan says"), so it is a noun only when a quantifier comes
/// before the demonym. A plural demonym may be the subject ("Republicans
/// claim").
fn after_demonym(para: &ParagraphModel, toks: &[Token], i: usize) -> bool {
    let (Some(word), Some(demonym)) = (toks.get(i), i.checked_sub(1).and_then(|j| toks.get(j)))
    else {
        return false;
    };
    if !demonym.tags.contains(Tags::DEMONYM) || para.lower(demonym).ends_with('s') {
        return false;
    }
    let base = word.tags.contains(Tags::BASE) && !word.tags.intersects(Tags::PRESENT | Tags::PAST);
    let quantified = i.checked_sub(2).and_then(|j| toks.get(j)).is_some_and(|q| {
        matches!(
            para.lower(q),
            "many"
                | "several"
                | "some"
                | "other"
                | "all"
                | "most"
                | "few"
                | "both"
                | "these"
                | "those"
        )
    });
    base || (quantified && word.tags.contains(Tags::PRESENT))
}

/// "the former state treasurer told": a verb's base form ("state",
/// "report", "claim") after a lower-case word that is no subject it could
/// agree with (a plural, "I", "we", "you", "they"), no auxiliary or modal,
/// no "to", "not" or adverb before a verb, and no possessive (which keeps
/// the noun a report of someone's words), is a noun in a noun phrase.
fn is_base_form_after_modifier(para: &ParagraphModel, before: &Token, word: &Token) -> bool {
    let tags = word.tags;
    if !tags.contains(Tags::BASE) || tags.intersects(Tags::PRESENT | Tags::PAST) {
        return false;
    }
    let w = para.lower(before);
    let agrees_or_governs =
        before.tags.intersects(
            Tags::SUBJECT_PRONOUN | Tags::AUXILIARY | Tags::MODAL | Tags::REPORTING_VERB,
        ) || matches!(
            w,
            "to" | "not" | "also" | "and" | "or" | "who" | "that" | "they"
            // "her report", "their claim": a possessive makes it their words
            | "her" | "their" | "its" | "our" | "my" | "your"
        ) || w.ends_with('s')
            || w.ends_with("ly");
    !before.is_capitalised() && !agrees_or_governs
}

fn hit(tags: Tags, first: usize, end: usize) -> VerbHit {
    VerbHit {
        first,
        end,
        form: if tags.contains(Tags::PARTICIPLE) {
            VerbForm::Participle
        } else {
            VerbForm::Finite
        },
        framing: tags.contains(Tags::FRAMING),
    }
}

/// What a role noun token names: its tags, or for a plural of a role noun
/// ("ministers") a group.
pub fn role_tag(para: &ParagraphModel, t: &Token) -> Option<RoleTag> {
    if !t.is_word() {
        return None;
    }
    role_of_word(para.lower(t))
}

/// [`role_tag`] of a lower-case word.
pub fn role_of_word(lower: &str) -> Option<RoleTag> {
    let tags = lexicon::tags(lower);
    if tags.contains(Tags::ROLE) {
        return Some(if tags.contains(Tags::BODY) {
            RoleTag::Organization
        } else if tags.contains(Tags::GROUP) {
            RoleTag::Group
        } else {
            RoleTag::Person(gender_of(tags))
        });
    }
    lower
        .strip_suffix('s')
        .filter(|stem| lexicon::tags(stem).contains(Tags::ROLE))
        .map(|_| RoleTag::Group)
}

/// Where the titles before the name at `toks[at]` begin: over title words
/// ("Mayor Ana Roe") and a title's own "of" with the capitalised words
/// after it ("Secretary of State Ana Roe", "Minister of Finance Ana Roe").
/// `at` itself when no title comes before the name.
pub fn titles_start(para: &ParagraphModel, toks: &[Token], at: usize) -> usize {
    let mut p = at.min(toks.len());
    loop {
        tick();
        while p > 0 && toks[p - 1].tags.contains(Tags::TITLE) {
            p -= 1;
        }
        let object = toks[..p]
            .iter()
            .rposition(|t| !(t.is_word() && is_capitalised(para, t)))
            .map_or(0, |k| k + 1);
        let title_of = object < p
            && object >= 2
            && para.lower(&toks[object - 1]) == "of"
            && toks[object - 2].tags.contains(Tags::TITLE);
        if !title_of {
            return p;
        }
        p = object - 1;
    }
}

/// Number of leading words of `toks` that form titles ("Prime Minister"),
/// leaving at least one word: a title alone is a role, not a name.
pub fn leading_title_len(para: &ParagraphModel, toks: &[&Token]) -> usize {
    tick_n(toks.len());
    let lower: Vec<&str> = toks.iter().map(|t| para.lower(t)).collect();
    let mut n = 0;
    while n < lower.len() {
        tick();
        let len = match lexicon::phrase(&lower[n..]) {
            Some((len, tags)) if tags.contains(Tags::TITLE) => len,
            _ if lexicon::tags(lower[n]).contains(Tags::TITLE) => 1,
            _ => break,
        };
        if n + len >= lower.len() {
            break;
        }
        n += len;
    }
    n
}

/// The speaker pronoun a lower-case word is.
pub fn subject_pronoun(lower: &str) -> Option<Pronoun> {
    match lower {
        "he" => Some(Pronoun::He),
        "she" => Some(Pronoun::She),
        "it" => Some(Pronoun::It),
        "they" => Some(Pronoun::They),
        _ => None,
    }
}

/// [`subject_pronoun`] of a token.
pub fn pronoun(para: &ParagraphModel, t: &Token) -> Option<Pronoun> {
    if t.is_word() {
        subject_pronoun(para.lower(t))
    } else {
        None
    }
}

/// The pronoun a possessive stands for ("her statement" → she).
pub fn possessive_pronoun(lower: &str) -> Option<Pronoun> {
    match lower {
        "his" => Some(Pronoun::He),
        "her" => Some(Pronoun::She),
        "its" => Some(Pronoun::It),
        "their" => Some(Pronoun::They),
        _ => None,
    }
}

/// Gender of any third-person singular pronoun form, for gender votes.
pub fn pronoun_gender(lower: &str) -> Option<Gender> {
    match lower {
        "he" | "him" | "his" | "himself" => Some(Gender::Male),
        "she" | "her" | "hers" | "herself" => Some(Gender::Female),
        _ => None,
    }
}

/// A word that starts with a capital, or with a lower-case Arabic article
/// before a capitalised name ("al-Assad", "el-Sisi").
pub fn is_capitalised(para: &ParagraphModel, t: &Token) -> bool {
    t.is_capitalised()
        || (t.shape == Shape::Mixed && {
            let w = t.span.text(&para.text);
            ["al-", "el-"]
                .iter()
                .find_map(|p| w.strip_prefix(p))
                .is_some_and(|name| name.starts_with(char::is_uppercase))
        })
}

pub fn is_determiner(t: &Token) -> bool {
    t.is_word() && t.tags.contains(Tags::DETERMINER)
}

/// A capitalised word after a preposition is a place or body, not the
/// speaker's name ("the mayor *of* Eastford").
pub fn is_preposition(t: &Token) -> bool {
    t.is_word() && t.tags.contains(Tags::PREPOSITION)
}

/// True when token `i` is a period, `!` or `?` that ends one of the text
/// model's sentences (an abbreviation's period ends none).
pub fn ends_sentence(para: &ParagraphModel, toks: &[Token], i: usize) -> bool {
    toks.get(i)
        .is_some_and(|t| is_punct(para, t, ".!?") && para.sentence_ends_at(t.span.end))
}

/// The words of `toks` as lower-case stems joined by spaces.
pub fn phrase_of(para: &ParagraphModel, toks: &[&Token]) -> String {
    let mut out = String::new();
    for t in toks {
        tick();
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(para.lower(t));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::driver::Driver;

    fn with<R>(text: &str, f: impl FnOnce(&ParagraphModel) -> R) -> R {
        let mut driver = Driver::default();
        let model = driver.model(text);
        f(&model.paragraphs[0])
    }

    #[test]
    fn verbs_are_found_with_their_form() {
        with("she pointed out saying calls", |para| {
            let toks = &para.tokens.list;
            let v = verb_at(para, toks, 1).map(|v| (v.first, v.end, v.form));
            assert_eq!(v, Some((1, 3, VerbForm::Finite)));
            assert_eq!(
                verb_at(para, toks, 3).map(|v| v.form),
                Some(VerbForm::Participle)
            );
            assert_eq!(verb_at(para, toks, 4).map(|v| v.framing), Some(true));
            assert_eq!(verb_at(para, toks, 0), None);
        });
    }

    #[test]
    fn a_reporting_verb_after_an_article_or_inside_a_name_is_no_cue() {
        // tokens: 0 officials 1 in 2 the 3 United 4 States 5 said 6 the
        // 7 report 8 and 9 her 10 report 11 says
        with(
            "officials in the United States said the report and her report says",
            |para| {
                let toks = &para.tokens.list;
                let cue = |i: usize| verb_at(para, toks, i).is_some();
                assert!(!cue(4), "States in a name");
                assert!(cue(5));
                assert!(!cue(7), "the report");
                assert!(cue(10), "her report: her words");
                assert!(cue(11));
            },
        );
        // a base form after a modifier is a noun; after a plural, a
        // pronoun, a modal or "to" it is the verb
        // tokens: 0 the 1 former 2 state 3 treasurer 4 told 5 critics 6 say
        // 7 we 8 state 9 to 10 state
        with(
            "the former state treasurer told critics say we state to state",
            |para| {
                let toks = &para.tokens.list;
                let cue = |i: usize| verb_at(para, toks, i).is_some();
                assert!(!cue(2), "the former state");
                assert!(cue(4));
                assert!(cue(6), "critics say");
                assert!(cue(8), "we state");
                assert!(cue(10), "to state");
            },
        );
        // after a demonym adjective: a base form is a noun, a form in "-s"
        // only after a quantifier; a plural demonym may be the subject
        // tokens: 0 many 1 Asian 2 states 3 a 4 Democratic 5 state 6 the
        // 7 Texan 8 says 9 Republicans 10 claim
        with(
            "many Asian states a Democratic state the Texan says Republicans claim",
            |para| {
                let toks = &para.tokens.list;
                let cue = |i: usize| verb_at(para, toks, i).is_some();
                assert!(!cue(2), "many Asian states");
                assert!(!cue(5), "a Democratic state");
                assert!(cue(8), "the Texan says");
                assert!(cue(10), "Republicans claim");
            },
        );
        // a Title Case line capitalises its verbs
        with("Mayor Ana Roe Says Bridge Is Safe", |para| {
            assert!(verb_at(para, &para.tokens.list, 3).is_some());
        });
    }

    #[test]
    fn titles_and_roles_come_from_the_lexicon() {
        with("Prime Minister Justin Trudeau", |para| {
            let toks: Vec<&Token> = para.tokens.list.iter().collect();
            assert_eq!(leading_title_len(para, &toks), 2);
            // A title alone is not stripped: it would leave no name.
            assert_eq!(leading_title_len(para, &toks[1..2]), 0);
        });
        assert_eq!(
            role_of_word("spokeswoman"),
            Some(RoleTag::Person(Some(Gender::Female)))
        );
        assert_eq!(role_of_word("police"), Some(RoleTag::Group));
        assert_eq!(role_of_word("ministers"), Some(RoleTag::Group));
        assert_eq!(role_of_word("ministry"), Some(RoleTag::Organization));
        assert_eq!(role_of_word("banana"), None);
    }

    #[test]
    fn periods_after_titles_do_not_end_sentences() {
        with("Mr. Smith left. Then", |para| {
            let toks = &para.tokens.list;
            assert!(!ends_sentence(para, toks, 0));
            assert!(ends_sentence(para, toks, 3));
        });
    }
}
