//! TEMPORARY until the lexicon lands: the subset of its API the tokenizer uses.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default, Debug)]
pub struct Tags(u64);
impl Tags {
    pub const ABBREVIATION: Tags = Tags(1);
    pub const FUNCTION_WORD: Tags = Tags(2);
    pub fn contains(self, other: Tags) -> bool {
        self.0 & other.0 == other.0 && other.0 != 0
    }
}
pub fn tags(word: &str) -> Tags {
    match word {
        "mr" | "mrs" | "ms" | "dr" | "sen" | "gen" | "gov" | "rep" | "jan" | "st" | "lt" => {
            Tags::ABBREVIATION
        }
        "a" | "an" | "the" | "and" | "or" | "of" | "in" | "on" | "at" | "to" | "for" | "by" => {
            Tags::FUNCTION_WORD
        }
        _ => Tags::default(),
    }
}
