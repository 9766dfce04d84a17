//! What the app remembers between runs, saved through eframe's persistence. Everything else
//! in the window is transient and starts fresh.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use egui::ThemePreference;
use serde::{Deserialize, Serialize};

use common_ground_core::blocs::{BlocMode, arranged};
use common_ground_document::{Origin, Workspace};

/// The zoom factors egui's own zoom keys stay within.
const MIN_ZOOM: f32 = 0.2;
const MAX_ZOOM: f32 = 5.0;

/// The theme choices the View menu offers, in order.
pub(crate) const THEMES: [(ThemePreference, &str); 3] = [
    (ThemePreference::System, "Follow the system"),
    (ThemePreference::Light, "Light"),
    (ThemePreference::Dark, "Dark"),
];

/// How many negotiations File › Open recent lists.
const RECENT_LIMIT: usize = 10;
/// Column settings are kept for this many negotiations, the most recent first.
const COLUMN_SETTINGS_LIMIT: usize = 30;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// What was open when the app last closed; reopened on a start without arguments.
    pub last: Option<Origin>,
    pub recent: Vec<Recent>,
    pub theme: ThemePreference,
    pub zoom: f32,
    pub show_inspector: bool,
    pub show_common_ground: bool,
    /// Narrow columns with one line of summary per statement, for negotiations of many
    /// parties; the full card is a hover away.
    pub compact_columns: bool,
    /// The main view: side-by-side columns, every issue's scale, or the overview matrix.
    pub page: Page,
    /// Column order and hidden parties, per negotiation (keyed by [`Origin::key`]).
    pub columns: BTreeMap<String, Columns>,
    /// Negotiation keys in the order they were last opened, to bound `columns`.
    pub columns_used: Vec<String>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            last: None,
            recent: Vec::new(),
            theme: ThemePreference::System,
            zoom: 1.0,
            show_inspector: true,
            show_common_ground: true,
            compact_columns: false,
            page: Page::Columns,
            columns: BTreeMap::new(),
            columns_used: Vec::new(),
        }
    }
}

/// The main views, in the order the tabs show them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Page {
    #[default]
    Columns,
    Scales,
    Matrix,
    /// What changed between two rounds.
    Changes,
}

impl Page {
    pub const ALL: [Page; 4] = [Page::Columns, Page::Scales, Page::Matrix, Page::Changes];

    pub fn label(self) -> &'static str {
        match self {
            Page::Columns => "Side by side",
            Page::Scales => "All scales",
            Page::Matrix => "Overview matrix",
            Page::Changes => "What changed",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recent {
    pub origin: Origin,
    pub name: String,
}

/// The order of a negotiation's party columns, by party id, the parties hidden, and the blocs
/// shown by their members (the others are collapsed: one column, counted as one actor).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Columns {
    pub order: Vec<String>,
    pub hidden: BTreeSet<String>,
    pub expanded: BTreeSet<String>,
}

impl Columns {
    /// Party indices in column order: the saved order first, then parties it does not
    /// know, in file order.
    pub fn ordered(&self, workspace: &Workspace) -> Vec<usize> {
        let parties = &workspace.negotiation.parties;
        let mut seen = std::collections::HashSet::new();
        let mut order: Vec<usize> = self
            .order
            .iter()
            .filter_map(|id| workspace.negotiation.party_index(id))
            .filter(|&index| seen.insert(index))
            .collect();
        for index in 0..parties.len() {
            if !order.contains(&index) {
                order.push(index);
            }
        }
        order
    }

    /// Writes the column order out in full, so that columns stay where the user sees them:
    /// a new party stays where it was added after a save sorts its file among the others,
    /// and a party whose id was retyped keeps its place. Whether anything changed.
    pub fn settle_order(&mut self, workspace: &Workspace) -> bool {
        // While a party file cannot be read, its party's place is kept for its return.
        if workspace
            .negotiation
            .left_out
            .iter()
            .any(|file| file.is_party_file())
        {
            return false;
        }
        let ids: Vec<&str> = workspace
            .negotiation
            .parties
            .iter()
            .map(|party| party.data.party.id.as_str())
            .collect();
        let stale: Vec<usize> = (0..self.order.len())
            .filter(|&i| {
                self.order
                    .get(i)
                    .is_some_and(|id| !ids.contains(&id.as_str()))
            })
            .collect();
        let missing: Vec<&str> = ids
            .iter()
            .copied()
            .filter(|id| !self.order.iter().any(|known| known == id))
            .collect();
        if let ([at], [renamed]) = (stale.as_slice(), missing.as_slice())
            && let Some(slot) = self.order.get_mut(*at)
        {
            *slot = (*renamed).to_owned();
            return true;
        }
        let settled: Vec<String> = self
            .ordered(workspace)
            .into_iter()
            .filter_map(|index| workspace.negotiation.party(index))
            .map(|file| file.party.id.clone())
            .collect();
        if settled == self.order {
            return false;
        }
        self.order = settled;
        true
    }

    /// The shown parties, in column order: those not hidden, each bloc among them collapsed
    /// (its members folded into it) or expanded (its members in its place). The analysis
    /// counts exactly these, so nobody is counted twice and nobody left out unsaid.
    pub fn shown(&self, workspace: &Workspace) -> Vec<usize> {
        let negotiation = &workspace.negotiation;
        let not_hidden = |index: usize| {
            negotiation
                .party(index)
                .is_some_and(|file| !self.hidden.contains(&file.party.id))
        };
        let chosen: Vec<usize> = self
            .ordered(workspace)
            .into_iter()
            .filter(|&index| not_hidden(index))
            .collect();
        arranged(
            negotiation,
            &chosen,
            |bloc| self.bloc_mode(workspace, bloc),
            not_hidden,
        )
    }

    /// How a bloc is shown and counted: whole unless the user expanded it.
    pub fn bloc_mode(&self, workspace: &Workspace, bloc: usize) -> BlocMode {
        let expanded = workspace
            .negotiation
            .party(bloc)
            .is_some_and(|file| self.expanded.contains(&file.party.id));
        if expanded {
            BlocMode::Members
        } else {
            BlocMode::Whole
        }
    }

    /// Moves a party to position `to` among all parties in the current order.
    pub fn move_party(&mut self, workspace: &Workspace, party: &str, to: usize) {
        let mut ids: Vec<String> = self
            .ordered(workspace)
            .into_iter()
            .filter_map(|index| Some(workspace.negotiation.party(index)?.party.id.clone()))
            .collect();
        let Some(from) = ids.iter().position(|id| id == party) else {
            return;
        };
        let id = ids.remove(from);
        ids.insert(to.min(ids.len()), id);
        self.order = ids;
    }
}

impl Settings {
    /// The settings with what egui could not survive put right: the settings file is the
    /// user's to edit, and a zoom of 0 or NaN would break the window.
    pub fn checked(mut self) -> Self {
        if !(self.zoom.is_finite() && (MIN_ZOOM..=MAX_ZOOM).contains(&self.zoom)) {
            self.zoom = 1.0;
        }
        self
    }

    /// What to open at start: the given paths, else the last negotiation, else the example.
    /// When the last negotiation is gone from disk, the second value names it.
    pub fn origin_to_open(&self, paths: Vec<PathBuf>) -> (Origin, Option<String>) {
        if !paths.is_empty() {
            return (Origin::paths(paths), None);
        }
        match &self.last {
            Some(last) if last.is_gone() => (Origin::Example, Some(last.key().replace('\n', ", "))),
            Some(last) => (last.clone(), None),
            None => (Origin::Example, None),
        }
    }

    pub fn columns_for(&self, origin: &Origin) -> Columns {
        self.columns.get(&origin.key()).cloned().unwrap_or_default()
    }

    pub fn set_columns(&mut self, origin: &Origin, columns: Columns) {
        let key = origin.key();
        self.columns_used.retain(|used| *used != key);
        self.columns_used.insert(0, key.clone());
        self.columns.insert(key, columns);
        for forgotten in self
            .columns_used
            .split_off(COLUMN_SETTINGS_LIMIT.min(self.columns_used.len()))
        {
            self.columns.remove(&forgotten);
        }
    }

    /// Puts a negotiation at the top of the recent list. The example is not listed: Help ›
    /// Open example always brings it back.
    pub fn remember(&mut self, origin: &Origin, name: &str) {
        if !origin.is_storable() {
            return;
        }
        self.last = Some(origin.clone());
        if origin.is_example() {
            return;
        }
        self.recent
            .retain(|recent| !recent.origin.same_place(origin));
        self.recent.insert(
            0,
            Recent {
                origin: origin.clone(),
                name: name.to_owned(),
            },
        );
        self.recent.truncate(RECENT_LIMIT);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn example() -> Workspace {
        Workspace::open(Origin::Example)
    }

    fn ids(workspace: &Workspace, indices: &[usize]) -> Vec<String> {
        indices
            .iter()
            .map(|&i| workspace.negotiation.parties[i].data.party.id.clone())
            .collect()
    }

    #[test]
    fn columns_start_in_file_order_and_follow_moves() {
        let workspace = example();
        let mut columns = Columns::default();
        assert_eq!(
            ids(&workspace, &columns.shown(&workspace)),
            ["nato", "russia", "us"]
        );
        columns.move_party(&workspace, "us", 0);
        assert_eq!(
            ids(&workspace, &columns.shown(&workspace)),
            ["us", "nato", "russia"]
        );
        columns.move_party(&workspace, "us", 99);
        assert_eq!(
            ids(&workspace, &columns.shown(&workspace)),
            ["nato", "russia", "us"]
        );
        columns.hidden.insert("nato".into());
        assert_eq!(
            ids(&workspace, &columns.shown(&workspace)),
            ["russia", "us"]
        );
    }

    #[test]
    fn a_folder_written_two_ways_is_one_recent_negotiation() {
        let mut settings = Settings::default();
        let folder = std::env::temp_dir();
        settings.remember(&Origin::Paths(vec![folder.clone()]), "Talks");
        settings.remember(&Origin::Paths(vec![folder.join(".")]), "Talks");
        assert_eq!(settings.recent.len(), 1);
    }

    #[test]
    fn a_settled_order_keeps_a_renamed_party_in_its_place() {
        let mut workspace = example();
        let mut columns = Columns::default();
        assert!(columns.settle_order(&workspace));
        assert_eq!(columns.order, ["nato", "russia", "us"]);
        columns.move_party(&workspace, "nato", 2);
        let before = columns.ordered(&workspace);
        workspace.negotiation.parties[0].data.party.id = "alliance".to_owned();
        assert!(columns.settle_order(&workspace));
        assert_eq!(columns.ordered(&workspace), before);
        assert!(!columns.settle_order(&workspace), "settled once");
    }

    #[test]
    fn unknown_and_repeated_ids_in_a_saved_order_are_ignored() {
        let workspace = example();
        let columns = Columns {
            order: vec!["us".into(), "gone".into(), "nato".into(), "us".into()],
            hidden: BTreeSet::new(),
            expanded: BTreeSet::new(),
        };
        assert_eq!(
            ids(&workspace, &columns.ordered(&workspace)),
            ["us", "nato", "russia"]
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_path_that_is_not_unicode_is_not_remembered_so_the_settings_still_save() {
        use std::os::unix::ffi::OsStrExt;
        let odd = std::ffi::OsStr::from_bytes(b"/tmp/caf\xe9");
        let mut settings = Settings::default();
        settings.remember(&Origin::Paths(vec![odd.into()]), "odd");
        assert_eq!(settings, Settings::default());
        assert!(ron::to_string(&settings).is_ok());
    }

    #[test]
    fn recent_is_most_recent_first_without_repeats_or_the_example() {
        let mut settings = Settings::default();
        let a = Origin::Paths(vec!["a".into()]);
        let b = Origin::Paths(vec!["b".into()]);
        settings.remember(&a, "A");
        settings.remember(&b, "B");
        settings.remember(&a, "A again");
        settings.remember(&Origin::Example, "Example");
        let names: Vec<&str> = settings.recent.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(names, ["A again", "B"]);
        assert_eq!(settings.last, Some(Origin::Example));
        for i in 0..20 {
            settings.remember(&Origin::Paths(vec![format!("{i}").into()]), "n");
        }
        assert_eq!(settings.recent.len(), RECENT_LIMIT);
    }

    #[test]
    fn column_settings_are_kept_for_a_bounded_number_of_negotiations() {
        let mut settings = Settings::default();
        for i in 0..COLUMN_SETTINGS_LIMIT + 5 {
            settings.set_columns(
                &Origin::Paths(vec![format!("{i}").into()]),
                Columns::default(),
            );
        }
        assert_eq!(settings.columns.len(), COLUMN_SETTINGS_LIMIT);
        assert!(
            settings
                .columns
                .contains_key(&format!("{}", COLUMN_SETTINGS_LIMIT + 4))
        );
        assert!(!settings.columns.contains_key("0"));
    }

    #[test]
    fn settings_survive_a_round_trip_through_ron_and_tolerate_missing_fields() {
        let mut settings = Settings::default();
        settings.remember(&Origin::Paths(vec!["/x/y".into()]), "Y");
        settings.theme = ThemePreference::Dark;
        let text = ron::to_string(&settings).unwrap();
        assert_eq!(ron::from_str::<Settings>(&text).unwrap(), settings);
        let sparse: Settings = ron::from_str("(zoom: 1.5)").unwrap();
        assert_eq!(sparse.zoom, 1.5);
        assert!(sparse.show_inspector);
        assert!(!sparse.compact_columns);
    }
}
