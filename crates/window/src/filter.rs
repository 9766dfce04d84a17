//! Which statements the columns show: by kind, by issue category and by search text.

use std::collections::BTreeSet;
use std::ops::Range;

use common_ground_core::model::Kind;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    /// Kinds to show; empty shows every kind.
    pub kinds: BTreeSet<Kind>,
    /// Only issues of this category.
    pub category: Option<String>,
    /// Case-insensitive text to find in summaries and quotes.
    pub search: String,
}

impl Filters {
    pub fn is_active(&self) -> bool {
        !self.kinds.is_empty() || self.category.is_some() || !self.search.trim().is_empty()
    }

    /// Whether a statement's own filters let it through; `search_text` is its summary and
    /// quotes in lower case.
    pub fn shows_statement(&self, kind: Kind, search_text: &str) -> bool {
        self.statement_matcher().matches(kind, search_text)
    }

    /// The kind and search filters, prepared once for many statements.
    pub fn statement_matcher(&self) -> StatementMatcher<'_> {
        StatementMatcher {
            kinds: &self.kinds,
            needle: self.needle(),
        }
    }

    pub fn set_kind(&mut self, kind: Kind, shown: bool) {
        if shown {
            self.kinds.insert(kind);
        } else {
            self.kinds.remove(&kind);
        }
    }

    pub fn shows_category(&self, category: &str) -> bool {
        self.category
            .as_deref()
            .is_none_or(|wanted| wanted == category)
    }

    /// The search text in lower case, without surrounding blanks.
    pub fn needle(&self) -> String {
        self.search.trim().to_lowercase()
    }
}

pub struct StatementMatcher<'a> {
    kinds: &'a BTreeSet<Kind>,
    needle: String,
}

impl StatementMatcher<'_> {
    /// Whether every statement matches: nothing is filtered.
    pub fn matches_all(&self) -> bool {
        self.kinds.is_empty() && self.needle.is_empty()
    }

    pub fn matches(&self, kind: Kind, search_text: &str) -> bool {
        (self.kinds.is_empty() || self.kinds.contains(&kind))
            && (self.needle.is_empty() || search_text.contains(&self.needle))
    }
}

/// Byte ranges of `haystack` where `needle` occurs, ignoring case. `needle` is in lower case.
/// Works on the original text, whose lower-case form may differ in length, so that matches
/// can be highlighted in it.
pub(crate) fn find_matches(haystack: &str, needle: &str) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    if needle.is_empty() {
        return found;
    }
    let mut start = 0;
    while start < haystack.len() {
        match match_length_at(&haystack[start..], needle) {
            Some(length) => {
                found.push(start..start + length);
                start += length.max(1);
            }
            None => {
                start += haystack[start..].chars().next().map_or(1, char::len_utf8);
            }
        }
    }
    found
}

/// The byte length of the prefix of `text` that equals `needle` in lower case, if any.
fn match_length_at(text: &str, needle: &str) -> Option<usize> {
    let mut wanted = needle.chars();
    let mut pending = String::new();
    for (offset, c) in text.char_indices() {
        pending.clear();
        pending.extend(c.to_lowercase());
        for lower in pending.chars() {
            if wanted.next() != Some(lower) {
                return None;
            }
        }
        if wanted.as_str().is_empty() {
            return Some(offset + c.len_utf8());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_ignore_case_and_point_into_the_original_text() {
        let text = "Talks on Missile placement; missiles again";
        assert_eq!(find_matches(text, "missile"), [9..16, 28..35]);
        assert_eq!(&text[9..16], "Missile");
        assert_eq!(find_matches(text, "nothing"), Vec::<Range<usize>>::new());
        assert_eq!(find_matches(text, ""), Vec::<Range<usize>>::new());
    }

    #[test]
    fn matches_survive_letters_whose_lower_case_is_longer() {
        // 'İ' (2 bytes) lowers to "i̇" (3 bytes): offsets must stay in the original.
        let text = "İstanbul talks";
        let found = find_matches(text, "talks");
        assert_eq!(found, vec![Range { start: 10, end: 15 }]);
        assert_eq!(&text[found[0].clone()], "talks");
        assert_eq!(
            find_matches("ПЕРЕГОВОРЫ", "перег"),
            vec![Range { start: 0, end: 10 }]
        );
    }

    #[test]
    fn a_statement_passes_kind_and_search_filters_together() {
        let mut filters = Filters::default();
        assert!(!filters.is_active());
        assert!(filters.shows_statement(Kind::Offer, "anything"));
        filters.kinds.insert(Kind::Rejection);
        assert!(!filters.shows_statement(Kind::Offer, "anything"));
        assert!(filters.shows_statement(Kind::Rejection, "anything"));
        filters.search = "  NATO ".into();
        assert!(filters.shows_statement(Kind::Rejection, "no nato expansion"));
        assert!(!filters.shows_statement(Kind::Rejection, "missiles"));
        assert!(filters.is_active());
    }

    #[test]
    fn category_filter_passes_everything_until_set() {
        let mut filters = Filters::default();
        assert!(filters.shows_category("Security"));
        filters.category = Some("Arms control".into());
        assert!(!filters.shows_category("Security"));
        assert!(filters.shows_category("Arms control"));
    }
}
