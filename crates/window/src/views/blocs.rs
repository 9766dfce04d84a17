//! Blocs in the window: the line a bloc's or a member's column header carries with its Expand
//! or Collapse button, the View › Parties menu's choice of how each bloc counts, and how far a
//! bloc's members stand apart on an issue, in the inspector and under each finding.

use egui::{Button, RichText, Ui};

use common_ground_core::blocs::{BlocMode, Divergence};
use common_ground_core::report::divergence_words;
use common_ground_document::Workspace;

use super::ViewContext;
use crate::app::BlocShown;
use crate::command::{Command, Commands};

/// What a column header says of the blocs its party belongs to or stands for.
pub(crate) struct HeaderBloc {
    pub(crate) text: String,
    /// Someone in it breaks ranks somewhere: the text is a warning.
    pub(crate) breaks_ranks: bool,
    pub(crate) button: &'static str,
    pub(crate) hover: String,
    pub(crate) command: Command,
}

/// The header line for `party`: a collapsed bloc names its members, a member of an expanded
/// bloc names its bloc; each says on how many issues someone breaks ranks.
pub(crate) fn header_bloc(
    workspace: &Workspace,
    blocs: &[BlocShown],
    party: usize,
) -> Option<HeaderBloc> {
    let short = |index: usize| {
        workspace
            .negotiation
            .party(index)
            .map_or("?", |file| file.party.short_name.as_str())
    };
    let id = |index: usize| {
        workspace
            .negotiation
            .party(index)
            .map(|file| file.party.id.clone())
    };
    if let Some(shown) = blocs
        .iter()
        .find(|b| b.bloc.bloc == party && b.mode == BlocMode::Whole)
    {
        let members: Vec<&str> = shown.bloc.members.iter().map(|&m| short(m)).collect();
        let issues = shown
            .divergence
            .iter()
            .filter(|d| !d.breaks_ranks.is_empty())
            .count();
        // What matters most first, for a narrow column cuts the end off.
        let text = match (members.len(), issues) {
            (0, _) => "Bloc · no member loaded".to_owned(),
            (count, 0) => format!("Bloc of {count}: {}", members.join(", ")),
            (count, issues) => format!(
                "Bloc of {count}, ranks broken on {}: {}",
                issues_count(issues),
                members.join(", ")
            ),
        };
        return Some(HeaderBloc {
            text,
            breaks_ranks: issues > 0,
            button: "Expand",
            hover: format!(
                "Counted as one actor, its members folded into it. Expand shows {}'s members \
                 one column each, counted one by one",
                short(party)
            ),
            command: Command::SetBlocExpanded {
                bloc: id(party)?,
                expanded: true,
            },
        });
    }
    let shown = blocs
        .iter()
        .find(|b| b.mode == BlocMode::Members && b.bloc.members.contains(&party))?;
    let issues = shown
        .divergence
        .iter()
        .filter(|d| d.breaks_ranks.contains(&party))
        .count();
    let text = if issues > 0 {
        format!(
            "Breaks ranks with {} on {}",
            short(shown.bloc.bloc),
            issues_count(issues)
        )
    } else {
        format!("Member of {}", short(shown.bloc.bloc))
    };
    Some(HeaderBloc {
        text,
        breaks_ranks: issues > 0,
        button: "Collapse",
        hover: format!(
            "Counted one by one with the other members of {bloc}. Collapse shows {bloc} as one \
             column, counted as one actor",
            bloc = short(shown.bloc.bloc)
        ),
        command: Command::SetBlocExpanded {
            bloc: id(shown.bloc.bloc)?,
            expanded: false,
        },
    })
}

fn issues_count(count: usize) -> String {
    if count == 1 {
        "1 issue".to_owned()
    } else {
        format!("{count} issues")
    }
}

/// In View › Parties: for each bloc, whether it is shown by its members.
pub(crate) fn blocs_menu_ui(ui: &mut Ui, cx: &ViewContext<'_>, commands: &mut Commands) {
    if cx.blocs.is_empty() {
        return;
    }
    ui.separator();
    ui.label(RichText::new("Blocs").strong());
    for shown in cx.blocs {
        let Some(file) = cx.workspace.negotiation.party(shown.bloc.bloc) else {
            continue;
        };
        let mut expanded = shown.mode == BlocMode::Members;
        let response = ui
            .add_enabled(
                !shown.bloc.members.is_empty(),
                egui::Checkbox::new(
                    &mut expanded,
                    format!("{}: its members one by one", file.party.short_name),
                ),
            )
            .on_hover_text(format!(
                "Ticked: {name}'s members, one column each, counted one by one. Unticked: {name} \
                 as one column, counted as one actor, its members folded into it",
                name = file.party.short_name
            ));
        if response.changed() {
            commands.push(Command::SetBlocExpanded {
                bloc: file.party.id.clone(),
                expanded,
            });
        }
    }
}

/// Under "Comparing …": each bloc counted whole names whom it stands for, so that nobody
/// reads its members as left out, nor the bloc as unanimous.
pub(crate) fn counted_whole_ui(ui: &mut Ui, cx: &ViewContext<'_>, compared: &[usize]) {
    for shown in cx.blocs {
        if shown.mode != BlocMode::Whole
            || shown.bloc.members.is_empty()
            || !compared.contains(&shown.bloc.bloc)
        {
            continue;
        }
        let name = |index: usize| {
            cx.workspace
                .negotiation
                .party(index)
                .map_or("?", |file| file.party.short_name.as_str())
        };
        let members: Vec<&str> = shown.bloc.members.iter().map(|&m| name(m)).collect();
        ui.weak(format!(
            "{} counts as one actor for {} (Expand on its column shows them)",
            name(shown.bloc.bloc),
            members.join(", ")
        ));
    }
}

/// The blocs whose members are placed on `issue`, each with its divergence there.
fn diverging_on<'a>(
    blocs: &'a [BlocShown],
    issue: &'a str,
) -> impl Iterator<Item = (&'a BlocShown, &'a Divergence)> {
    blocs.iter().filter_map(move |shown| {
        shown
            .divergence
            .iter()
            .find(|d| d.issue == issue)
            .map(|d| (shown, d))
    })
}

/// The inspector's account of each bloc's members on an issue.
pub(crate) fn divergence_ui(ui: &mut Ui, cx: &ViewContext<'_>, issue: &str) {
    let Some(analysis) = cx.analysis else {
        return;
    };
    for (shown, divergence) in diverging_on(cx.blocs, issue) {
        let Some(file) = cx.workspace.negotiation.party(shown.bloc.bloc) else {
            continue;
        };
        ui.add_space(6.0);
        let counted = match shown.mode {
            BlocMode::Whole => "counted as one actor",
            BlocMode::Members => "its members counted one by one",
        };
        ui.label(RichText::new(format!("Inside {} ({counted})", file.party.short_name)).strong());
        let words = divergence_words(&cx.workspace.negotiation, analysis, divergence);
        let text = RichText::new(capitalised(&words));
        ui.add(
            egui::Label::new(if divergence.breaks_ranks.is_empty() {
                text
            } else {
                text.color(ui.visuals().warn_fg_color)
            })
            .wrap(),
        );
    }
}

/// The findings' short form, one per bloc: "League's members at 0–25, Westhaven breaks
/// ranks", in the warning colour when someone does.
pub(crate) fn divergence_facts(cx: &ViewContext<'_>, issue: &str, ui: &Ui) -> Vec<RichText> {
    let name = |index: usize| {
        cx.workspace
            .negotiation
            .party(index)
            .map_or("?", |file| file.party.short_name.as_str())
    };
    diverging_on(cx.blocs, issue)
        .map(|(shown, divergence)| {
            let mut text = format!(
                "{}'s members at {}",
                name(shown.bloc.bloc),
                common_ground_core::report::range_text(divergence.spread)
            );
            if divergence.breaks_ranks.is_empty() {
                RichText::new(text).weak()
            } else {
                let breakers: Vec<&str> =
                    divergence.breaks_ranks.iter().map(|&p| name(p)).collect();
                let verb = if breakers.len() == 1 {
                    "breaks"
                } else {
                    "break"
                };
                text.push_str(&format!(", {} {verb} ranks", breakers.join(", ")));
                RichText::new(text).color(ui.visuals().warn_fg_color)
            }
        })
        .collect()
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// A button for a header's bloc line.
pub(crate) fn bloc_button(bloc: &HeaderBloc) -> Button<'static> {
    Button::new(bloc.button)
        .small()
        .wrap_mode(egui::TextWrapMode::Extend)
}
