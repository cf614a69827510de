//! Alias merging (coreference of names): candidates that name the same
//! thing become one group. Full names are grouped by their words; a longer
//! form with the same first and last word absorbs a shorter one ("John A.
//! Smith" ← "John Smith"); a bare surname or title + surname joins the
//! person with that surname mentioned most recently ("Putin", "Mr Putin" →
//! "Vladimir Putin"); a name in the plural joins the person it names
//! ("more Audrey Parkers"); a lone given name joins the only person with it; an
//! acronym joins the organisation it abbreviates ("AFN" → "Assembly of
//! First Nations"). Everything is keyed through hash maps: linear in the
//! number of candidates.

use rustc_hash::FxHashMap as HashMap;

use super::Gender;
use super::candidates::{Candidate, Certainty};
use super::classify::{can_be_surname, is_surname_after_given};
use super::gazetteer::gazetteer;
use super::names::lexicon;
use crate::analysis::work::{tick, tick_n};
use rustc_hash::FxHashSet as FastSet;

/// Fewest letters of a word in capitals that may be a surname rather than
/// an acronym ("MARSH" of Daniel Marsh; "NATO", "LRT" are acronyms).
const SURNAME_IN_CAPITALS: usize = 5;

/// Candidates (indices into the candidate list) that name one thing.
#[derive(Debug, Clone, Default)]
pub(super) struct Group {
    pub members: Vec<usize>,
}

/// The longest name whose tails are indexed as compound surnames: a
/// person's name written out runs to a handful of words, and indexing every
/// tail of a longer run (a Title Case line of thousands of words) would cost
/// the square of its length.
const MAX_COMPOUND_NAME_WORDS: usize = 8;

/// Group `cands` (in document order) by what they name.
pub(super) fn group(cands: &[Candidate]) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    let mut by_key: HashMap<String, usize> = HashMap::default();
    let mut assigned: Vec<Option<usize>> = vec![None; cands.len()];

    // 1. Multi-word names from the body, grouped by their words.
    for (i, c) in cands.iter().enumerate() {
        tick();
        if c.words.len() >= 2 && c.certainty != Certainty::Headline {
            tick_n(c.words.len());
            let g = *by_key.entry(c.key()).or_insert_with(|| {
                groups.push(Group::default());
                groups.len() - 1
            });
            groups[g].members.push(i);
            assigned[i] = Some(g);
        }
    }
    // 2. A shorter full name joins a longer one with the same first and
    //    last word ("John Smith" → "John A. Smith").
    let mut longest_by_ends: HashMap<(String, String), (usize, usize)> = HashMap::default();
    for (g, group) in groups.iter().enumerate() {
        tick();
        let words = &cands[group.members[0]].words;
        if let (Some(first), Some(last)) = (words.first(), surname_word(words)) {
            let entry = longest_by_ends
                .entry((first.clone(), last.clone()))
                .or_insert((g, words.len()));
            if words.len() > entry.1 {
                *entry = (g, words.len());
            }
        }
    }
    let mut redirect: Vec<usize> = (0..groups.len()).collect();
    for (g, group) in groups.iter().enumerate() {
        let words = &cands[group.members[0]].words;
        // the name's words read by `looks_like_person_name`
        tick_n(2 * words.len());
        if let (Some(first), Some(last)) = (words.first(), surname_word(words))
            && let Some(&(target, _)) = longest_by_ends.get(&(first.clone(), last.clone()))
            && looks_like_person_name(words)
        {
            redirect[g] = target;
        }
    }
    // 2b. "Paz Akin" after "Lorena Paz Akin": a name of two or more words
    //     that ends one longer person's name written out before it is
    //     that person's compound surname.
    let mut by_tail: HashMap<&[String], Option<(usize, usize)>> = HashMap::default();
    for (g, group) in groups.iter().enumerate() {
        let words = &cands[group.members[0]].words;
        tick();
        if (3..=MAX_COMPOUND_NAME_WORDS).contains(&words.len()) && looks_like_person_name(words) {
            for k in 2..words.len() {
                tick_n(k);
                let target = (redirect[g], group.members[0]);
                by_tail
                    .entry(&words[words.len() - k..])
                    .and_modify(|t| {
                        if t.is_some_and(|(g, _)| g != target.0) {
                            *t = None; // two people end so: no join
                        }
                    })
                    .or_insert(Some(target));
            }
        }
    }
    for (g, group) in groups.iter().enumerate() {
        let words = &cands[group.members[0]].words;
        // hashing the words to look them up
        tick_n(words.len());
        if redirect[g] == g
            && words.len() >= 2
            && let Some(&Some((target, first_mention))) = by_tail.get(&words[..])
            && first_mention < group.members[0]
        {
            redirect[g] = target;
        }
    }
    // 2c. "more Audrey Parkers" after "Audrey Parker": a person's name in
    //     the plural (people like them) is that person.
    for (g, group) in groups.iter().enumerate() {
        let words = &cands[group.members[0]].words;
        tick_n(words.len());
        let Some((last, rest)) = words.split_last() else {
            continue;
        };
        // "Adams", "Edwards": a surname of its own, not a plural
        let Some(singular) = last
            .strip_suffix('s')
            .filter(|s| s.chars().nth(2).is_some() && !s.ends_with(['s', '\'']))
            .filter(|_| !lexicon().is_surname(last))
        else {
            continue;
        };
        let key = rest
            .iter()
            .map(String::as_str)
            .chain([singular])
            .collect::<Vec<_>>();
        if redirect[g] == g
            && !rest.is_empty()
            && let Some(&target) = by_key.get(&key.join(" "))
            && target != g
            && groups[target].members[0] < group.members[0]
            && looks_like_person_name(&cands[groups[target].members[0]].words)
        {
            redirect[g] = redirect[target];
        }
    }
    // 2d. "Coastal Power" beside "Coastal Power Corp.": an organisation's
    //     name without the designator that ends it is that organisation
    //     (unless it opens with a given name: "Eric Trump" of the "Eric
    //     Trump Foundation" is the man).
    for (g, group) in groups.iter().enumerate() {
        let words = &cands[group.members[0]].words;
        tick_n(words.len());
        if let Some((last, rest)) = words.split_last()
            && rest.len() >= 2
            && gazetteer().is_org_cue(last.as_str())
            && rest
                .first()
                .is_none_or(|w| lexicon().given(w.as_str()).is_none())
            && let Some(&short) = by_key.get(&rest.join(" "))
            && short != g
            && redirect[g] == g
        {
            // the short form keeps the group: its first word still joins
            // a bare mention ("Samsung" of "Samsung Electronics Co.")
            redirect[g] = redirect[short];
        }
    }
    for slot in assigned.iter_mut() {
        tick();
        *slot = slot.map(|g| redirect[g]);
    }
    // Indices for single-word joins: surname, given name, acronym.
    let mut by_surname: HashMap<&str, Vec<usize>> = HashMap::default();
    let mut by_given: HashMap<&str, Vec<usize>> = HashMap::default();
    let mut by_acronym: HashMap<String, usize> = HashMap::default();
    // "Skylark" of "Skylark Airways": the one word before a designator
    let mut by_short_name: HashMap<&str, Vec<usize>> = HashMap::default();
    for (g, group) in groups.iter().enumerate() {
        for &m in &group.members {
            tick();
            if let Some(a) = &cands[m].acronym {
                by_acronym.insert(a.clone(), redirect[g]);
            }
        }
        if redirect[g] != g {
            continue;
        }
        let words = &cands[group.members[0]].words;
        // the name's words read by `looks_like_person_name` and `initials`
        tick_n(3 * words.len());
        if looks_like_person_name(words) {
            if let Some(last) =
                surname_word(words).filter(|w| can_be_surname(w) || is_surname_after_given(words))
                && !place_after_common_word(words)
            {
                by_surname.entry(last.as_str()).or_default().push(g);
            }
            if let Some(first) = words.first() {
                by_given.entry(first.as_str()).or_default().push(g);
            }
        } else if let Some(acronym) = initials(words) {
            by_acronym.entry(acronym).or_insert(g);
        }
        if let Some(short) = short_name_of_organisation(words) {
            by_short_name.entry(short).or_default().push(g);
        }
    }
    for g in by_key.values_mut() {
        tick();
        *g = redirect[*g];
    }
    let namesakes = Namesakes::new(cands, &groups);

    // 3. Sweep in document order: single words (and headline names) join
    //    the most recently mentioned group they fit.
    let mut first_seen: HashMap<usize, usize> = HashMap::default();
    for (i, slot) in assigned.iter().enumerate() {
        tick();
        if let Some(g) = slot {
            first_seen.entry(*g).or_insert(i);
        }
    }
    let mut surnames = Surnames::new(by_surname, &namesakes, &first_seen, groups.len());
    let mut single_groups: HashMap<String, usize> = HashMap::default();
    // "USA" beside "United States": another name of a place the article
    // writes out
    let (gaz, lex) = (gazetteer(), lexicon());
    let place_alias = |key: &str| {
        gaz.place_alias(key)
            .and_then(|full| by_key.get(full).copied())
    };
    for (i, c) in cands.iter().enumerate() {
        tick();
        if let Some(g) = assigned[i] {
            surnames.mentioned(g);
            continue;
        }
        // the key: the words joined
        tick_n(c.words.len());
        if c.certainty == Certainty::Headline
            && c.words.len() >= 2
            && let Some(&g) = by_key.get(&c.key())
        {
            assigned[i] = Some(g);
            surnames.mentioned(g);
            continue;
        }
        let key = c.key();
        // "Rally Canada said": the common word cut from the sentence's
        // start belongs to a name the article also writes out.
        let uncut = c
            .dropped_first
            .as_ref()
            .and_then(|d| by_key.get(&format!("{d} {key}")).copied());
        let target = if let Some(g) = uncut {
            Some(g)
        } else if c.words.len() == 1 {
            // "LRT" is an acronym, not a surname; a longer word in
            // capitals is a surname set in capitals, as a transcript's
            // speaker labels are ("MARSH: Minister, ...")
            (!c.all_caps || key.chars().count() >= SURNAME_IN_CAPITALS)
                .then(|| surnames.pick(&key, c.gender))
                .flatten()
                .or_else(|| {
                    // a first name alone: only when one person has it, and
                    // not a surname that is no given name ("Trump" is not
                    // the "Trump" of "Trump Train")
                    let first_name = lex.given(&key).is_some() || !lex.is_surname(&key);
                    by_given
                        .get(key.as_str())
                        .filter(|gs| gs.len() == 1 && c.certainty == Certainty::Certain)
                        .and_then(|gs| gs.first().copied())
                        .filter(|&g| {
                            first_name || reads_surname_first(&cands[groups[g].members[0]].words)
                        })
                })
                .or_else(|| by_acronym.get(&key).copied())
                .or_else(|| {
                    by_short_name
                        .get(key.as_str())
                        .filter(|gs| gs.len() == 1)
                        .and_then(|gs| gs.first().copied())
                })
                // "U.S." and "U.K." abbreviate with periods what "US" and
                // "UK" abbreviate without
                .or_else(|| {
                    (c.all_caps && key.contains('.'))
                        .then(|| by_acronym.get(&key.replace('.', "")).copied())
                        .flatten()
                })
                .or_else(|| by_key.get(&key).copied())
                .or_else(|| place_alias(&key))
        } else {
            by_key.get(&key).copied().or_else(|| place_alias(&key))
        };
        let g = match target {
            Some(g) => g,
            None => *single_groups.entry(key).or_insert_with(|| {
                groups.push(Group::default());
                redirect.push(groups.len() - 1);
                groups.len() - 1
            }),
        };
        assigned[i] = Some(g);
        surnames.mentioned(g);
    }
    let mut out: Vec<Group> = vec![Group::default(); groups.len()];
    for (i, slot) in assigned.iter().enumerate() {
        tick();
        if let Some(g) = slot {
            out[*g].members.push(i);
        }
    }
    out.retain(|g| !g.members.is_empty());
    out
}

/// Who a bare surname names, for each surname people of the article
/// share: the [`Namesakes::narrow`]ed groups for each gender the mention
/// may give (none, female, male), and of those the one mentioned most
/// often so far (the later of a tie: the story's subject keeps the bare
/// surname after a relative is named), else the one mentioned first.
/// Kept up to date as the sweep meets mentions, so a bare surname costs
/// the same however many people share it: scanning all of them for each
/// bare surname cost the square of a list of thousands of namesakes.
struct Surnames<'c> {
    index: HashMap<&'c str, usize>,
    /// Per surname, per mention gender (see [`Surnames::query`]).
    choices: Vec<[Choice; 3]>,
    /// Per surname, the namesake mentioned last, narrowed by nothing: a
    /// bare surname names someone the article has already introduced.
    introduced: Vec<Option<usize>>,
    /// Per group that a surname may name: its surname, and in which of
    /// the three narrowings it stands.
    of_group: Vec<Option<(usize, [bool; 3])>>,
    /// Per group, its mentions met so far.
    mentions: Vec<usize>,
}

/// The groups of one narrowing of namesakes that a bare surname would
/// pick from.
#[derive(Debug, Clone, Copy, Default)]
struct Choice {
    /// The member mentioned most often so far, the later one of a tie:
    /// (mentions, group).
    leader: Option<(usize, usize)>,
    /// The member whose first mention comes first: (candidate index,
    /// group); the pick while none has been mentioned yet.
    earliest: Option<(usize, usize)>,
}

impl<'c> Surnames<'c> {
    /// The genders a bare surname's mention may give, in the order of
    /// [`Surnames::choices`].
    const GENDERS: [Option<Gender>; 3] = [None, Some(Gender::Female), Some(Gender::Male)];

    /// `by_surname`: the groups (person names) ending in each surname, in
    /// group order; `first_seen`: each group's first mention.
    fn new(
        by_surname: HashMap<&'c str, Vec<usize>>,
        namesakes: &Namesakes,
        first_seen: &HashMap<usize, usize>,
        groups: usize,
    ) -> Self {
        let mut index = HashMap::default();
        let mut choices = Vec::with_capacity(by_surname.len());
        let mut of_group: Vec<Option<(usize, [bool; 3])>> = vec![None; groups];
        for (surname, options) in by_surname {
            let s = choices.len();
            index.insert(surname, s);
            let mut narrowed = [Choice::default(); 3];
            for (q, gender) in Self::GENDERS.into_iter().enumerate() {
                for g in namesakes.narrow(&options, gender) {
                    tick();
                    if let Some(slot) = of_group.get_mut(g) {
                        let (_, within) = slot.get_or_insert((s, [false; 3]));
                        within[q] = true;
                    }
                    if let Some(first) = first_seen.get(&g).map(|&at| (at, g)) {
                        let earliest = &mut narrowed[q].earliest;
                        *earliest = Some(earliest.map_or(first, |e| e.min(first)));
                    }
                }
            }
            choices.push(narrowed);
        }
        let introduced = vec![None; choices.len()];
        Surnames {
            index,
            choices,
            introduced,
            of_group,
            mentions: vec![0; groups],
        }
    }

    /// Which of [`Surnames::GENDERS`] a mention's `gender` is.
    fn query(gender: Option<Gender>) -> usize {
        match gender {
            None => 0,
            Some(Gender::Female) => 1,
            Some(Gender::Male) => 2,
        }
    }

    /// A candidate was found to name group `g`.
    fn mentioned(&mut self, g: usize) {
        let Some(Some((s, within))) = self.of_group.get(g).copied() else {
            return;
        };
        let count = self.mentions.get_mut(g).map_or(0, |n| {
            *n += 1;
            *n
        });
        if let Some(narrowed) = self.choices.get_mut(s) {
            for (choice, _) in narrowed.iter_mut().zip(within).filter(|(_, w)| *w) {
                if choice.leader.is_none_or(|(most, _)| count >= most) {
                    choice.leader = Some((count, g));
                }
            }
        }
        if let Some(slot) = self.introduced.get_mut(s) {
            *slot = Some(g);
        }
    }

    /// The group a bare `surname` (its mention giving `gender`) names: of
    /// the namesakes that fit, the one mentioned most so far, the later of
    /// a tie; else, when none of them has been introduced yet, the
    /// namesake mentioned last ("Hiroshi Tanaka ... Tanaka, 58, runs ..."
    /// before his wife Keiko Tanaka is named: the style rule that the one
    /// called by given name is not the bare surname holds between people
    /// already introduced); else the fitting one first mentioned later on.
    fn pick(&self, surname: &str, gender: Option<Gender>) -> Option<usize> {
        let s = *self.index.get(surname)?;
        let choice = self.choices.get(s)?.get(Self::query(gender))?;
        let introduced = self.introduced.get(s).copied().flatten();
        choice
            .leader
            .map(|(_, g)| g)
            .or(introduced)
            .or(choice.earliest.map(|(_, g)| g))
    }
}

/// What tells apart people who share a surname: each group's gender (a
/// title such as "Ms", else its given name) and whether the article also
/// calls it by its given name alone.
struct Namesakes {
    gender: Vec<Option<Gender>>,
    called_by_given_name: Vec<bool>,
}

impl Namesakes {
    fn new(cands: &[Candidate], groups: &[Group]) -> Self {
        tick_n(cands.len());
        let lone_words: FastSet<&str> = cands
            .iter()
            // a word set in capitals ("CARLY for America") or cut from a
            // longer run ("Citizen Carly") is no use of the given name
            .filter(|c| c.words.len() == 1 && c.certainty == Certainty::Certain)
            .filter(|c| !c.all_caps && c.dropped_first.is_none())
            .filter_map(|c| c.words.first().map(String::as_str))
            .collect();
        let lex = lexicon();
        let mut gender = Vec::with_capacity(groups.len());
        let mut called_by_given_name = Vec::with_capacity(groups.len());
        for group in groups {
            tick_n(group.members.len());
            let members = || group.members.iter().filter_map(|&m| cands.get(m));
            let words = members().next().map_or(&[][..], |c| &c.words[..]);
            let first = words.first().filter(|_| words.len() >= 2);
            gender.push(
                members()
                    .find_map(|c| c.gender)
                    .or_else(|| first.and_then(|w| lex.given(w)).flatten()),
            );
            called_by_given_name.push(first.is_some_and(|w| lone_words.contains(w.as_str())));
        }
        Namesakes {
            gender,
            called_by_given_name,
        }
    }

    /// The groups among `options` (people sharing a surname) that a bare
    /// surname may name: those whose gender fits the mention's title ("Ms
    /// Roe" is not "Tom Roe"); then, when the article calls some of them
    /// by given name alone, the others ("Ana Roe ... her husband, Tom Roe
    /// ... Tom said ... Roe said": style guides use the first name to tell
    /// relatives apart, so the bare surname is the other one).
    fn narrow(&self, options: &[usize], gender: Option<Gender>) -> Vec<usize> {
        tick_n(2 * options.len());
        let fits = |g: &usize| match (gender, self.gender.get(*g).copied().flatten()) {
            (Some(want), Some(has)) => want == has,
            _ => true,
        };
        let fitting: Vec<usize> = options.iter().copied().filter(fits).collect();
        let fitting = if fitting.is_empty() {
            options.to_vec()
        } else {
            fitting
        };
        let by_surname: Vec<usize> = fitting
            .iter()
            .copied()
            .filter(|&g| !self.called_by_given_name.get(g).copied().unwrap_or(false))
            .collect();
        if by_surname.is_empty() {
            fitting
        } else {
            by_surname
        }
    }
}

/// "Infrastructure Canada", "Statistics Norway": a place after a common
/// word that is no given name names a body, and the bare place name later on
/// is the place, not a surname ("Denzel Washington" keeps his).
fn place_after_common_word(words: &[String]) -> bool {
    let gaz = gazetteer();
    let lex = lexicon();
    words.last().is_some_and(|w| gaz.is_place(w))
        && words
            .first()
            .is_some_and(|w| lex.is_common_word(w) && lex.given(w).is_none())
}

/// "skylark" of "Skylark Airways Inc.", "northwind" of "Northwind Corp.":
/// the word an organisation named by one word and its designators is
/// called by alone. Not a place ("Canada" of "Canada Post" is the
/// country), a surname ("Trump" of "Trump Organization" is the man) or a
/// given name.
fn short_name_of_organisation(words: &[String]) -> Option<&str> {
    let (gaz, lex) = (gazetteer(), lexicon());
    let designators = words
        .iter()
        .rev()
        .take_while(|w| gaz.is_org_cue(w.as_str()))
        .count();
    match words {
        [short, ..]
            if designators >= 1
                && designators + 1 == words.len()
                && !gaz.is_place(short)
                && !lex.is_surname(short.as_str())
                && lex.given(short.as_str()).is_none() =>
        {
            Some(short.as_str())
        }
        _ => None,
    }
}

/// "Nguyen Thi Lan", "Wang Qishan": a full name that reads surname first,
/// its first word a surname that is no given name and its last word a
/// given name, so the first word alone names its bearer as the last word
/// names others ("Nguyen said"; not "Goldman" of "Goldman Sachs", nor
/// "Trump" of "Trump Train").
fn reads_surname_first(words: &[String]) -> bool {
    let lex = lexicon();
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return false;
    };
    words.len() >= 2
        && lex.is_surname(first)
        && lex.given(first).is_none()
        && lex.given(last).is_some()
}

/// The word of a full name that its bearer is called by alone: the last,
/// or the one before a generational suffix ("Harry B. Harris Jr." is
/// "Harris"; "Jr." alone names no one).
fn surname_word(words: &[String]) -> Option<&String> {
    match words {
        [.., surname, suffix] if words.len() >= 3 && super::is_generation_suffix(suffix) => {
            Some(surname)
        }
        _ => words.last(),
    }
}

/// A multi-word name without organisation cues or a place match: the
/// kind of full name a surname may refer back to.
fn looks_like_person_name(words: &[String]) -> bool {
    let gaz = gazetteer();
    words.len() >= 2 && !words.iter().any(|w| gaz.is_org_cue(w)) && !gaz.is_place(&words.join(" "))
}

/// "dnc" for "democratic national committee": the first letters of the
/// capitalised words, for names of three or more words.
fn initials(words: &[String]) -> Option<String> {
    let letters: String = words
        .iter()
        .filter(|w| !matches!(w.as_str(), "of" | "the" | "and" | "for" | "&" | "on"))
        .filter_map(|w| w.chars().next())
        .collect();
    (letters.chars().count() >= 2).then_some(letters)
}

#[cfg(test)]
mod tests;
