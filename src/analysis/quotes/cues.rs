//! Cues: the reporting-verb lexicon, role nouns, titles, and a small word
//! tokenizer for the narrative around quotes.
//!
//! Attribution reads only the few words next to a quote, so the tokenizer
//! works on short spans. The word lists live in `data/quotes/` and are parsed
//! once on first use.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use super::super::Span;
use super::super::entities::Gender;

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

/// Reporting verbs: form (lower case, words joined by one space) → form kind.
static VERBS: LazyLock<HashMap<String, VerbForm>> = LazyLock::new(|| {
    let mut map = HashMap::new();
    for line in data_lines(include_str!("../../../data/quotes/reporting_verbs.txt")) {
        let Some((lemma, forms)) = line.split_once(':') else {
            continue;
        };
        map.insert(lemma.trim().to_string(), VerbForm::Finite);
        for form in forms.split(',').map(str::trim).filter(|f| !f.is_empty()) {
            let kind = if form.split(' ').next().is_some_and(|w| w.ends_with("ing")) {
                VerbForm::Participle
            } else {
                VerbForm::Finite
            };
            map.insert(form.to_string(), kind);
        }
    }
    map
});

/// Lemmas of framing verbs ("called it a 'scam'"): they attach a partial
/// quote to a speaker but never a full sentence after the quote.
const FRAMING_STEMS: &[&str] = &["call", "describ", "label", "dub", "term"];

/// What a role noun tells about its holder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoleTag {
    Person(Option<Gender>),
    Group,
    Organization,
}

static ROLES: LazyLock<HashMap<String, RoleTag>> = LazyLock::new(|| {
    let mut map = HashMap::new();
    for line in data_lines(include_str!("../../../data/quotes/role_nouns.txt")) {
        let mut fields = line.split_whitespace();
        let Some(noun) = fields.next() else { continue };
        let tag = match fields.next() {
            Some("m") => RoleTag::Person(Some(Gender::Male)),
            Some("f") => RoleTag::Person(Some(Gender::Female)),
            Some("group") => RoleTag::Group,
            Some("org") => RoleTag::Organization,
            _ => RoleTag::Person(None),
        };
        map.insert(noun.to_string(), tag);
    }
    map
});

/// Titles (one or more lower-case words) → implied gender.
static TITLES: LazyLock<HashMap<String, Option<Gender>>> = LazyLock::new(|| {
    let mut map = HashMap::new();
    for line in data_lines(include_str!("../../../data/quotes/titles.txt")) {
        let (title, gender) = match line.rsplit_once(' ') {
            Some((t, "m")) => (t, Some(Gender::Male)),
            Some((t, "f")) => (t, Some(Gender::Female)),
            _ => (line, None),
        };
        map.insert(title.trim().to_string(), gender);
    }
    map
});

/// Longest title in words.
static TITLE_WORDS_MAX: LazyLock<usize> = LazyLock::new(|| {
    TITLES
        .keys()
        .map(|t| t.split(' ').count())
        .max()
        .unwrap_or(1)
});

fn data_lines(source: &str) -> impl Iterator<Item = &str> {
    source
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Lower-cased word with a trailing period and possessive removed.
pub fn normalize(word: &str) -> String {
    strip_possessive(word.trim_end_matches('.'))
        .to_lowercase()
        .replace('’', "'")
}

/// "Putin's" → "Putin"; "Jones’" → "Jones".
pub fn strip_possessive(word: &str) -> &str {
    for suffix in ["'s", "’s", "'", "’"] {
        if let Some(stem) = word.strip_suffix(suffix) {
            return stem;
        }
    }
    word
}

pub fn role_tag(word: &str) -> Option<RoleTag> {
    let stem = strip_possessive(word.trim_end_matches('.'));
    let w = lower(stem);
    ROLES.get(w.as_ref()).copied().or_else(|| {
        w.strip_suffix('s')
            .and_then(|s| ROLES.get(s))
            .map(|_| RoleTag::Group)
    })
}

/// The gender a title implies, when `words` (lower case) is a title.
pub fn title(words: &str) -> Option<Option<Gender>> {
    TITLES.get(words).copied()
}

/// Number of leading tokens of `words` that form titles ("Prime Minister").
pub fn leading_title_len(words: &[&str]) -> usize {
    let mut n = 0;
    'outer: while n < words.len() {
        for len in (1..=(*TITLE_WORDS_MAX).min(words.len() - n)).rev() {
            let candidate = words[n..n + len]
                .iter()
                .map(|w| normalize(w))
                .collect::<Vec<_>>()
                .join(" ");
            if TITLES.contains_key(&candidate) && n + len < words.len() {
                n += len;
                continue 'outer;
            }
        }
        break;
    }
    n
}

/// Personal pronouns that can be a speaker, with their gender.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pronoun {
    He,
    She,
    /// An organisation ("it said in a statement").
    It,
    They,
}

pub fn subject_pronoun(word: &str) -> Option<Pronoun> {
    if word.len() > 4 {
        return None;
    }
    match lower(word).as_ref() {
        "he" => Some(Pronoun::He),
        "she" => Some(Pronoun::She),
        "it" => Some(Pronoun::It),
        "they" => Some(Pronoun::They),
        _ => None,
    }
}

/// The pronoun a possessive stands for ("her statement" → she).
pub fn possessive_pronoun(word: &str) -> Option<Pronoun> {
    match lower(word).as_ref() {
        "his" => Some(Pronoun::He),
        "her" => Some(Pronoun::She),
        "its" => Some(Pronoun::It),
        "their" => Some(Pronoun::They),
        _ => None,
    }
}

/// Gender of any third-person singular pronoun form, for gender votes.
pub fn pronoun_gender(word: &str) -> Option<Gender> {
    if word.len() > 7 {
        return None;
    }
    match lower(word).as_ref() {
        "he" | "him" | "his" | "himself" => Some(Gender::Male),
        "she" | "her" | "hers" | "herself" => Some(Gender::Female),
        _ => None,
    }
}

/// A token of narrative text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tok {
    pub span: Span,
    /// A word (letters/digits, with inner apostrophes, hyphens, periods of
    /// abbreviations) or one punctuation character.
    pub word: bool,
}

impl Tok {
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        self.span.text(text)
    }

    pub fn is_punct(&self, text: &str, chars: &str) -> bool {
        !self.word
            && self
                .text(text)
                .chars()
                .next()
                .is_some_and(|c| chars.contains(c))
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '&'
}

fn is_inner_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '‐' | '.')
}

/// Tokens of `span` in `text`: words and single punctuation characters;
/// white space is dropped. A period joins a word only between letters
/// ("U.S"), so "Mr." is the word "Mr" and the punctuation ".".
pub fn tokenize(text: &str, span: Span) -> Vec<Tok> {
    tokens(text, span).collect()
}

/// [`tokenize`] as a lazy iterator, for callers that stop early.
pub fn tokens(text: &str, span: Span) -> impl Iterator<Item = Tok> + '_ {
    let s = span.text(text);
    let mut chars = s.char_indices().peekable();
    std::iter::from_fn(move || {
        loop {
            let (i, c) = chars.next()?;
            if c.is_whitespace() {
                continue;
            }
            if !is_word_char(c) {
                return Some(Tok {
                    span: Span::new(span.start + i, span.start + i + c.len_utf8()),
                    word: false,
                });
            }
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = chars.peek() {
                let next_is_word = || {
                    s[j + d.len_utf8()..]
                        .chars()
                        .next()
                        .is_some_and(is_word_char)
                };
                if is_word_char(d) || (is_inner_joiner(d) && next_is_word()) {
                    end = j + d.len_utf8();
                    chars.next();
                } else if (d == '’' || d == '\'') && s[..j].ends_with('s') && !next_is_word() {
                    // Plural possessive: "the Joneses’ house".
                    end = j + d.len_utf8();
                    chars.next();
                    break;
                } else {
                    break;
                }
            }
            return Some(Tok {
                span: Span::new(span.start + i, span.start + end),
                word: true,
            });
        }
    })
}

/// The reporting verb starting at token `i`, if any (longest match).
pub fn verb_at(text: &str, toks: &[Tok], i: usize) -> Option<VerbHit> {
    let first = toks.get(i)?;
    if !first.word {
        return None;
    }
    let w1 = lower(first.text(text));
    if MULTIWORD_HEADS.contains(w1.as_ref())
        && let Some(second) = toks.get(i + 1).filter(|t| t.word)
    {
        let two = format!("{w1} {}", second.text(text).to_lowercase());
        if let Some(&form) = VERBS.get(&two) {
            return Some(hit(&two, i, i + 2, form));
        }
    }
    let &form = VERBS.get(w1.as_ref())?;
    Some(hit(&w1, i, i + 1, form))
}

/// First words of multi-word reporting verbs ("pointed" of "pointed out").
static MULTIWORD_HEADS: LazyLock<HashSet<String>> = LazyLock::new(|| {
    VERBS
        .keys()
        .filter_map(|k| k.split_once(' ').map(|(head, _)| head.to_string()))
        .collect()
});

/// `word` in lower case, borrowed when it already is (the common case).
fn lower(word: &str) -> std::borrow::Cow<'_, str> {
    if word.chars().any(char::is_uppercase) {
        std::borrow::Cow::Owned(word.to_lowercase())
    } else {
        std::borrow::Cow::Borrowed(word)
    }
}

fn hit(form_text: &str, first: usize, end: usize, form: VerbForm) -> VerbHit {
    VerbHit {
        first,
        end,
        form,
        framing: FRAMING_STEMS.iter().any(|s| form_text.starts_with(s)),
    }
}

/// Words that end a speaker noun phrase after a verb ("said Smith *in* a
/// statement") and never belong to a name.
static NP_STOPS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    [
        "in",
        "on",
        "at",
        "during",
        "after",
        "before",
        "to",
        "from",
        "for",
        "who",
        "whom",
        "which",
        "that",
        "as",
        "while",
        "when",
        "because",
        "with",
        "by",
        "about",
        "adding",
        "noting",
        "saying",
        "but",
        "and",
        "or",
        "is",
        "was",
        "has",
        "had",
        "will",
        "would",
        "last",
        "this",
        "earlier",
        "later",
        "today",
        "yesterday",
        "tonight",
        "recently",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "via",
        "through",
        "over",
        "under",
        "into",
        "than",
        "then",
        "once",
        "also",
        "if",
    ]
    .into_iter()
    .collect()
});

pub fn is_np_stop(word: &str) -> bool {
    NP_STOPS.contains(lower(word).as_ref())
}

/// Adverbs and time words that may sit between a subject and its verb
/// ("she *later* said", "Smith *also* told").
static SUBJECT_VERB_FILLERS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    "also later then once previously recently finally simply further again still earlier \
     has had have was is would will quickly only just repeatedly often even now initially \
     subsequently frequently publicly privately softly angrily flatly bluntly first never \
     always already not this last week month year morning afternoon evening night today \
     yesterday on monday tuesday wednesday thursday friday saturday sunday weekend"
        .split_whitespace()
        .collect()
});

pub fn is_filler(word: &str) -> bool {
    SUBJECT_VERB_FILLERS.contains(lower(word).as_ref())
}

/// True when a word starts with an upper-case letter.
/// A word that starts with a capital, or with a lower-case Arabic article
/// before a capitalised name ("al-Assad", "el-Sisi").
pub fn is_capitalised(word: &str) -> bool {
    let name = ["al-", "el-"]
        .iter()
        .find_map(|p| word.strip_prefix(p))
        .unwrap_or(word);
    name.chars().next().is_some_and(char::is_uppercase)
}

/// Determiners that open a role noun phrase ("the minister", "a spokesperson").
pub fn is_determiner(word: &str) -> bool {
    matches!(
        word.to_lowercase().as_str(),
        "the" | "a" | "an" | "his" | "her" | "their" | "its" | "our" | "one" | "another"
    )
}

/// Words that are capitalised but never part of a name at the start of a
/// clause.
pub fn is_function_word(word: &str) -> bool {
    static WORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
        "the a an but and or he she they it we i you his her their its this that these those \
         in on at for as when while if so then there here after before according however \
         still yet also now later meanwhile asked speaking what who why how where which \
         whose whom"
            .split_whitespace()
            .collect()
    });
    WORDS.contains(normalize(word).as_str())
}

/// Prepositions: a capitalised word after one is a place or body, not the
/// speaker's name ("the mayor *of* Eastford").
pub fn is_preposition(word: &str) -> bool {
    matches!(
        word.to_lowercase().as_str(),
        "of" | "for" | "at" | "in" | "from" | "to" | "with" | "on" | "by" | "near"
    )
}

/// Abbreviations after which a period does not end a sentence.
pub fn is_abbreviation(word: &str) -> bool {
    if word.len() > 6 {
        return false;
    }
    let w = lower(word);
    let w = w.as_ref();
    (w.chars().count() == 1 && word.chars().all(char::is_uppercase))
        || title(w).is_some()
        || matches!(
            w,
            "st" | "jr"
                | "sr"
                | "jan"
                | "feb"
                | "aug"
                | "sept"
                | "oct"
                | "nov"
                | "dec"
                | "inc"
                | "ltd"
                | "co"
                | "corp"
                | "vs"
                | "etc"
                | "ont"
                | "n.s"
                | "b.c"
                | "u.s"
                | "u.k"
                | "n.b"
                | "p.e.i"
                | "d.c"
                | "a.m"
                | "p.m"
                | "que"
                | "alta"
                | "sask"
                | "nfld"
                | "calif"
                | "fla"
        )
}

/// True when token `i` is a period, `!` or `?` that ends a sentence.
pub fn ends_sentence(text: &str, toks: &[Tok], i: usize) -> bool {
    let Some(t) = toks.get(i) else { return false };
    if t.is_punct(text, "!?") {
        return true;
    }
    if !t.is_punct(text, ".") {
        return false;
    }
    match i.checked_sub(1).and_then(|p| toks.get(p)) {
        Some(prev) if prev.word && prev.span.end == t.span.start => {
            !is_abbreviation(prev.text(text))
        }
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text, Span::new(0, text.len()))
            .iter()
            .map(|t| t.text(text))
            .collect()
    }

    #[test]
    fn tokenizer_keeps_inner_apostrophes_and_abbreviations() {
        assert_eq!(
            words("Mr. O’Neil’s U.S. plan, the Joneses’ dog"),
            [
                "Mr",
                ".",
                "O’Neil’s",
                "U.S",
                ".",
                "plan",
                ",",
                "the",
                "Joneses’",
                "dog"
            ]
        );
    }

    #[test]
    fn verbs_are_found_with_their_form() {
        let text = "she pointed out saying calls";
        let toks = tokenize(text, Span::new(0, text.len()));
        let v = verb_at(text, &toks, 1).map(|v| (v.first, v.end, v.form));
        assert_eq!(v, Some((1, 3, VerbForm::Finite)));
        assert_eq!(
            verb_at(text, &toks, 3).map(|v| v.form),
            Some(VerbForm::Participle)
        );
        assert_eq!(verb_at(text, &toks, 4).map(|v| v.framing), Some(true));
        assert_eq!(verb_at(text, &toks, 0), None);
    }

    #[test]
    fn titles_and_roles_are_read_from_the_data_files() {
        assert_eq!(
            leading_title_len(&["Prime", "Minister", "Justin", "Trudeau"]),
            2
        );
        assert_eq!(leading_title_len(&["Mr.", "Putin"]), 1);
        // A title alone is not stripped: it would leave no name.
        assert_eq!(leading_title_len(&["Mayor"]), 0);
        assert_eq!(title("mrs"), Some(Some(Gender::Female)));
        assert_eq!(
            role_tag("spokeswoman"),
            Some(RoleTag::Person(Some(Gender::Female)))
        );
        assert_eq!(role_tag("Police"), Some(RoleTag::Group));
        assert_eq!(role_tag("ministry"), Some(RoleTag::Organization));
        assert_eq!(role_tag("banana"), None);
    }

    #[test]
    fn periods_after_titles_do_not_end_sentences() {
        let text = "Mr. Smith left. Then";
        let toks = tokenize(text, Span::new(0, text.len()));
        assert!(!ends_sentence(text, &toks, 1));
        assert!(ends_sentence(text, &toks, 4));
    }
}
