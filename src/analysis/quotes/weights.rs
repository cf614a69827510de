//! The quote pass's weights and reaches for resolving speakers, in one
//! table. (Byte windows of the local reading are with the code that reads
//! them, in [`super::reading`] and [`super::attribution`].)

/// How many person mentions a pronoun looks back over at most.
pub const PRONOUN_LOOKBACK: usize = 40;
/// How many paragraphs back a pronoun may find its antecedent.
pub const PRONOUN_PARAGRAPHS: usize = 4;
/// When no one of the pronoun's gender is that close: how far back an
/// already quoted person of that gender is still looked for.
pub const LONG_LOOKBACK: usize = 120;
pub const LONG_PRONOUN_PARAGRAPHS: usize = 12;
/// How many sentences back a chain of same-pronoun subjects is followed.
pub const PRONOUN_CHAIN_STEPS: usize = 4;
/// Most tokens of an introductory phrase before the comma that ends it
/// ("Asked on Fox News who leads the party in his view, he said").
pub const INTRODUCTORY_PHRASE_TOKENS: usize = 16;

/// Pronoun antecedent scoring: agreeing in gender counts most; a person
/// already quoted is a little more salient; each paragraph and each
/// intervening mention makes a candidate less likely.
pub const GENDER_AGREEMENT: f32 = 2.0;
pub const RECENT_SPEAKER_BONUS: f32 = 0.3;
pub const PARAGRAPH_PENALTY: f32 = 1.0;
pub const MENTION_PENALTY: f32 = 0.1;
/// A mention that opens its sentence is likelier to be referred to again;
/// one that is the subject of a reporting verb ("Okafor said") more so.
pub const SUBJECT_BONUS: f32 = 1.0;
pub const REPORTER_BONUS: f32 = 1.5;
/// A person named in the sentence just before the pronoun's (or earlier in
/// its own) is the likeliest antecedent.
pub const LAST_SENTENCE_BONUS: f32 = 1.0;
/// A person given by full name just before a quote is being introduced
/// as its speaker (news style names a new speaker, then quotes them).
pub const INTRODUCTION_BONUS: f32 = 0.5;

/// Gender votes: a title before a mention counts 3, a given name 1, the
/// first pronoun after it 1 (2 after a sentence's subject); net votes
/// needed to decide.
pub const TITLE_VOTE: i32 = 3;
pub const GIVEN_NAME_VOTE: i32 = 2;
pub const PRONOUN_VOTE: i32 = 1;
pub const SUBJECT_PRONOUN_VOTE: i32 = 2;
pub const MIN_GENDER_VOTES: i32 = 2;

/// How many paragraphs back the last known speaker still holds the floor
/// for a quote with no cue at all.
pub const FLOOR_PARAGRAPHS: usize = 3;

/// Confidence factors of resolved cues: a pronoun, a role held by a named
/// person, a role as written, an organisation.
pub const PRONOUN_FACTOR: f32 = 0.85;
pub const HELD_ROLE_FACTOR: f32 = 0.8;
pub const WRITTEN_ROLE_FACTOR: f32 = 0.7;
pub const ORGANISATION_FACTOR: f32 = 0.8;

/// Confidences of borrowed speakers: the same group, the same paragraph
/// (an earlier, a later piece, a new subject between), the previous
/// paragraph's last quote, reported speech, the last speaker on the floor.
pub const GROUP_CONFIDENCE: f32 = 0.85;
pub const EARLIER_IN_PARAGRAPH: f32 = 0.75;
pub const LATER_IN_PARAGRAPH: f32 = 0.6;
pub const NEW_SUBJECT: f32 = 0.5;
pub const PREVIOUS_PARAGRAPH: f32 = 0.7;
pub const REPORTED_SPEECH: f32 = 0.5;
pub const FLOOR_CONFIDENCE: f32 = 0.4;

/// A signature line under a quotation paragraph ("— Ana Roe (@anaroe)
/// March 3, 2016"): its confidence, its longest length in bytes, and how
/// far after the dash its name may start (title words between).
pub const SIGNATURE_CONFIDENCE: f32 = 0.85;
pub const SIGNATURE_MOST_BYTES: usize = 160;
pub const SIGNATURE_NAME_REACH: usize = 40;
