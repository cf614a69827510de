//! The one reader of learned weight files (`data/model/*.txt`): one
//! `feature weight` pair per line, `#` starting a comment, and the shape
//! every model shares: an enum of named features ([`features!`]) and the
//! weights read for them ([`Weights`]). Each model (speaker ranking,
//! furniture score) declares its own features.

use std::marker::PhantomData;

/// A model's features, as [`features!`] declares them.
pub trait ModelFeature: Copy + 'static {
    /// How many features the model has.
    const COUNT: usize;
    /// The feature's position, below [`Self::COUNT`].
    fn index(self) -> usize;
    /// The feature a model file names so.
    fn from_name(name: &str) -> Option<Self>;
}

/// Declares a model's `Feature` enum: each variant with its name in the
/// model file (`Variant = "name"`), and optionally its phrase for messages
/// (`Variant = "name" / "in words"`, giving `Feature::phrase`).
macro_rules! features {
    (#[doc = $doc:literal] $($variant:ident = $name:literal / $phrase:literal,)*) => {
        $crate::analysis::weights_file::features!(#[doc = $doc] $($variant = $name,)*);

        impl Feature {
            /// The feature in words, for a diagnostic's message.
            pub fn phrase(self) -> &'static str {
                match self {
                    $(Feature::$variant => $phrase,)*
                }
            }
        }
    };
    (#[doc = $doc:literal] $($variant:ident = $name:literal,)*) => {
        #[doc = $doc]
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Feature {
            $($variant,)*
        }

        impl Feature {
            /// Every feature, in declaration order.
            pub const ALL: &'static [Feature] = &[$(Feature::$variant,)*];
            pub const COUNT: usize = Feature::ALL.len();

            /// The feature's name in the model file.
            pub fn name(self) -> &'static str {
                match self {
                    $(Feature::$variant => $name,)*
                }
            }

            pub fn from_name(name: &str) -> Option<Feature> {
                match name {
                    $($name => Some(Feature::$variant),)*
                    _ => None,
                }
            }
        }

        impl $crate::analysis::weights_file::ModelFeature for Feature {
            const COUNT: usize = Feature::COUNT;

            fn index(self) -> usize {
                self as usize
            }

            fn from_name(name: &str) -> Option<Feature> {
                Feature::from_name(name)
            }
        }
    };
}
pub(crate) use features;

/// Learned weights of a model's features.
#[derive(Debug, Clone)]
pub struct Weights<F> {
    values: Box<[f32]>,
    /// No weight was read: the model never fires.
    empty: bool,
    features: PhantomData<F>,
}

impl<F: ModelFeature> Weights<F> {
    /// Reads a model file (see [`read`]).
    pub fn parse(source: &str) -> Result<Self, String> {
        let mut values = vec![0.0; F::COUNT].into_boxed_slice();
        let any = read(source, |name, value| {
            F::from_name(name)
                .and_then(|f| values.get_mut(f.index()))
                .map(|slot| *slot = value)
                .is_some()
        })?;
        Ok(Weights {
            values,
            empty: !any,
            features: PhantomData,
        })
    }

    /// The shipped model file's weights; none (a model that never fires)
    /// if it does not parse, which its tests rule out.
    pub fn shipped(source: &str) -> Self {
        Self::parse(source).unwrap_or(Weights {
            values: vec![0.0; F::COUNT].into_boxed_slice(),
            empty: true,
            features: PhantomData,
        })
    }

    pub fn get(&self, feature: F) -> f32 {
        self.values.get(feature.index()).copied().unwrap_or(0.0)
    }

    /// Every weight, in the features' order.
    pub fn values(&self) -> &[f32] {
        &self.values
    }

    pub fn is_empty(&self) -> bool {
        self.empty
    }
}

/// Reads `source`, handing each `(name, weight)` to `put`, which says
/// whether it knows the name. A malformed line, a bad number or a name
/// `put` does not know is an error naming the line, so a model file out of
/// step with the code fails its test. Returns whether any weight was read.
pub fn read(source: &str, mut put: impl FnMut(&str, f32) -> bool) -> Result<bool, String> {
    let mut any = false;
    for (n, line) in source.lines().enumerate() {
        let line = line.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        let mut parts = line.split_whitespace();
        let (Some(name), Some(value), None) = (parts.next(), parts.next(), parts.next()) else {
            return Err(format!("line {}: expected `feature weight`", n + 1));
        };
        let value: f32 = value
            .parse()
            .map_err(|_| format!("line {}: `{value}` is not a number", n + 1))?;
        if !put(name, value) {
            return Err(format!("line {}: unknown feature `{name}`", n + 1));
        }
        any = true;
    }
    Ok(any)
}

#[cfg(test)]
mod tests {
    use super::{Weights, read};

    features! {
        /// Two features to test the shared shape on.
        First = "first" / "the first",
        Second = "second" / "the second",
    }

    #[test]
    fn weights_are_kept_by_feature_and_unknown_names_refused() {
        let w = Weights::<Feature>::parse("second -2 # only one\n").unwrap();
        assert_eq!((w.get(Feature::First), w.get(Feature::Second)), (0.0, -2.0));
        assert_eq!(w.values(), [0.0, -2.0]);
        assert!(!w.is_empty());
        assert!(Weights::<Feature>::parse("# none\n").unwrap().is_empty());
        let broken = Weights::<Feature>::shipped("third 1");
        assert!(broken.is_empty() && broken.values() == [0.0, 0.0]);
        assert_eq!(Feature::from_name("first"), Some(Feature::First));
        assert_eq!(Feature::Second.phrase(), "the second");
        assert_eq!(Feature::ALL.len(), Feature::COUNT);
        assert_eq!(Feature::First.name(), "first");
    }

    #[test]
    fn pairs_are_read_and_bad_lines_named() {
        let mut seen = Vec::new();
        let any = read("# head\nbias -1 # trailing\n\nx 2.5\n", |name, value| {
            seen.push((name.to_string(), value));
            true
        });
        assert_eq!(any, Ok(true));
        assert_eq!(seen, [("bias".to_string(), -1.0), ("x".to_string(), 2.5)]);
        assert_eq!(read("# nothing", |_, _| true), Ok(false));
        assert_eq!(
            read("a 1\nb", |_, _| true),
            Err("line 2: expected `feature weight`".to_string())
        );
        assert_eq!(
            read("a one", |_, _| true),
            Err("line 1: `one` is not a number".to_string())
        );
        assert_eq!(
            read("a 1", |_, _| false),
            Err("line 1: unknown feature `a`".to_string())
        );
    }
}
