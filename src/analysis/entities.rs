//! Entities: the people, organisations and places an article names, with
//! every mention, aliases merged under the fullest name ("Putin", "Mr Putin"
//! → "Vladimir Putin").
//!
//! First cut (issue 4 replaces it): capitalised word runs of two or more
//! words, preceded by a title or not, are people; single surnames join the
//! full name that ends with them.

use super::Span;
use super::boilerplate::Boilerplate;
use super::segment::Segmentation;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EntityKind {
    Person,
    Organization,
    Place,
    Other,
}

impl EntityKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Organization => "organization",
            EntityKind::Place => "place",
            EntityKind::Other => "other",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Gender {
    Female,
    Male,
}

/// One place where an entity is named.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Mention {
    /// The name as written, without a possessive `'s` and without titles.
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    /// Canonical name: the fullest form the article uses.
    pub name: String,
    pub kind: EntityKind,
    /// In document order.
    pub mentions: Vec<Mention>,
    /// From honorifics (Mr/Ms) or pronouns that refer to it, when known.
    pub gender: Option<Gender>,
    /// Title or role the article gives it ("Russian President"), if any.
    pub role: Option<String>,
}

impl Entity {
    /// The entity with a mention overlapping `span`, if any.
    pub fn find_at(entities: &[Entity], span: Span) -> Option<usize> {
        entities
            .iter()
            .position(|e| e.mentions.iter().any(|m| m.span.overlaps(span)))
    }
}

pub fn recognize(text: &str, seg: &Segmentation, boilerplate: &[Boilerplate]) -> Vec<Entity> {
    let mut runs: Vec<Span> = Vec::new();
    for para in &seg.paragraphs {
        if boilerplate.iter().any(|b| b.span == para.span) {
            continue;
        }
        for sentence in &para.sentences {
            collect_capitalised_runs(text, *sentence, &mut runs);
        }
    }
    let mut entities: Vec<Entity> = Vec::new();
    // Full names first, so that surnames can join them.
    for run in runs.iter().filter(|r| r.text(text).contains(' ')) {
        let name = run.text(text);
        match entities.iter_mut().find(|e| e.name == name) {
            Some(e) => e.mentions.push(Mention { span: *run }),
            None => entities.push(Entity {
                name: name.to_string(),
                kind: EntityKind::Person,
                mentions: vec![Mention { span: *run }],
                gender: None,
                role: None,
            }),
        }
    }
    for run in runs.iter().filter(|r| !r.text(text).contains(' ')) {
        let word = run.text(text);
        if let Some(e) = entities
            .iter_mut()
            .find(|e| e.name.rsplit(' ').next() == Some(word))
        {
            e.mentions.push(Mention { span: *run });
        }
    }
    for e in &mut entities {
        e.mentions.sort_by_key(|m| m.span.start);
    }
    entities
}

/// Runs of capitalised words inside `sentence`, skipping its first word.
fn collect_capitalised_runs(text: &str, sentence: Span, out: &mut Vec<Span>) {
    let s = sentence.text(text);
    let mut run: Option<Span> = None;
    let mut first = true;
    for (offset, word) in words(s) {
        let clean = word.trim_end_matches(['’', '\'', 's']);
        let capitalised = word.chars().next().is_some_and(char::is_uppercase)
            && word
                .chars()
                .skip(1)
                .all(|c| c.is_lowercase() || c == '’' || c == '\'');
        if capitalised && !first && !clean.is_empty() {
            let start = sentence.start + offset;
            let end = start + clean.len();
            run = Some(match run {
                Some(r) => Span::new(r.start, end),
                None => Span::new(start, end),
            });
        } else if let Some(r) = run.take() {
            out.push(r);
        }
        first = false;
    }
    if let Some(r) = run {
        out.push(r);
    }
}

/// Words of `s` with their byte offsets; punctuation other than apostrophes
/// separates words.
fn words(s: &str) -> impl Iterator<Item = (usize, &str)> {
    let is_word = |c: char| c.is_alphanumeric() || c == '\'' || c == '’' || c == '-';
    let mut rest = s.char_indices().peekable();
    std::iter::from_fn(move || {
        while rest.peek().is_some_and(|&(_, c)| !is_word(c)) {
            rest.next();
        }
        let (start, _) = *rest.peek()?;
        let mut end = start;
        while let Some(&(i, c)) = rest.peek() {
            if !is_word(c) {
                break;
            }
            end = i + c.len_utf8();
            rest.next();
        }
        Some((start, &s[start..end]))
    })
}
