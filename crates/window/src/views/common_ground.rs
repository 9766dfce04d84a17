//! The findings for the parties shown, issue by issue: where they could agree (with the offers
//! that wait on a condition), where they are deadlocked and whose limits hold the gap open,
//! where a demand runs into a red line, and what nobody has placed on the scale. Clicking a
//! finding brings its issue into view.

use egui::{RichText, ScrollArea, Ui};

use super::ViewContext;
use crate::command::{Command, Commands};
use crate::style::status_colour;
use common_ground_core::analysis::{Analysis, IssueAnalysis, Status};
use common_ground_core::model::Statement;
use common_ground_core::negotiation::StatementKey;
use common_ground_document::workspace::Workspace;

pub(crate) fn common_ground_ui(ui: &mut Ui, cx: &ViewContext<'_>, commands: &mut Commands) {
    let (workspace, analysis) = (cx.workspace, cx.analysis);
    // A small window keeps most of its width for the columns.
    let default_width = (ui.available_width() * 0.19).clamp(190.0, 300.0);
    egui::Panel::left("common ground")
        .resizable(true)
        .default_size(default_width)
        .size_range(170.0..=560.0)
        .show(ui, |ui| {
            ui.add_space(6.0);
            ui.horizontal(|ui| {
                // In a narrow panel a smaller heading leaves room for Hide.
                let narrow = ui.available_width() < 210.0;
                let heading = RichText::new("Common ground").heading();
                ui.label(if narrow { heading.size(16.0) } else { heading });
                if ui.available_width() < 44.0 {
                    return;
                }
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    if ui
                        .small_button("Hide")
                        .on_hover_text("Hide the findings to give the columns their room (View › Common ground brings them back)")
                        .clicked()
                    {
                        commands.push(Command::SetCommonGroundShown(false));
                    }
                });
            });
            ui.separator();
            let Some(analysis) = analysis.filter(|_| !workspace.negotiation.parties.is_empty())
            else {
                crate::views::widgets::left_out_banner_ui(ui, &workspace.negotiation, commands);
                ui.weak("Open position files to see where the parties could meet.");
                return;
            };
            ScrollArea::vertical()
                .id_salt("common ground")
                .auto_shrink(false)
                .show(ui, |ui| {
                    findings_ui(ui, cx, analysis, commands);
                });
        });
}

fn findings_ui(ui: &mut Ui, cx: &ViewContext<'_>, analysis: &Analysis, commands: &mut Commands) {
    let workspace = cx.workspace;
    let names: Vec<&str> = analysis
        .parties
        .iter()
        .map(|&party| short_name(workspace, party))
        .collect();
    crate::views::widgets::left_out_banner_ui(ui, &workspace.negotiation, commands);
    ui.weak(format!("Comparing {}", names.join(", ")));
    super::blocs::counted_whole_ui(ui, cx, &analysis.parties);
    ui.add_space(4.0);
    agreements_ui(ui, cx, analysis, commands);
    untested_ui(ui, cx, analysis, commands);
    deadlocks_ui(ui, cx, analysis, commands);
    collisions_ui(ui, cx, analysis, commands);
    super::trades::trades_ui(ui, cx.workspace, cx.view, analysis, commands);
    let unaddressed = with_status(analysis, Status::Unaddressed);
    section_ui(ui, Status::Unaddressed, "Unaddressed", unaddressed.len());
    for issue in &unaddressed {
        entry_ui(ui, "Unaddressed", cx, issue, commands, |_| {});
    }
    nothing_ui(ui, unaddressed.is_empty());
    ui.add_space(10.0);
    ui.weak("Ranges are the analyst's estimates. Hide a party to compare the others.");
}

fn with_status(analysis: &Analysis, status: Status) -> Vec<&IssueAnalysis> {
    analysis
        .issues
        .iter()
        .map(AsRef::as_ref)
        .filter(|issue| issue.status == status)
        .collect()
}

/// A group's heading in its status's colour, with how many it holds.
fn section_ui(ui: &mut Ui, status: Status, title: &str, count: usize) {
    ui.add_space(8.0);
    ui.label(
        RichText::new(format!("{title} ({count})"))
            .strong()
            .size(15.0)
            .color(status_colour(status, ui.visuals())),
    );
}

/// Possible agreements, each with the offers that wait on a condition.
fn agreements_ui(ui: &mut Ui, cx: &ViewContext<'_>, analysis: &Analysis, commands: &mut Commands) {
    let workspace = cx.workspace;
    let agreements = with_status(analysis, Status::PossibleAgreement);
    section_ui(
        ui,
        Status::PossibleAgreement,
        "Possible agreement",
        agreements.len(),
    );
    for issue in &agreements {
        entry_ui(ui, "Possible agreement", cx, issue, commands, |ui| {
            let offers = conditional_offers(workspace, issue);
            for (parties, conditions) in offers.iter().take(LISTED) {
                let quoted: Vec<String> = conditions
                    .iter()
                    .map(|text| format!("\u{201c}{text}\u{201d}"))
                    .collect();
                ui.label(format!(
                    "{} offer{} it on condition: {}",
                    parties.join(" and "),
                    if parties.len() == 1 { "s" } else { "" },
                    quoted.join(" ")
                ));
            }
            more_ui(ui, offers.len(), "conditional offers");
        });
    }
    nothing_ui(ui, agreements.is_empty());
}

/// Overlaps that wait on a party with a stake that has not said where it stands.
fn untested_ui(ui: &mut Ui, cx: &ViewContext<'_>, analysis: &Analysis, commands: &mut Commands) {
    let workspace = cx.workspace;
    let untested = with_status(analysis, Status::Untested);
    section_ui(ui, Status::Untested, "Untested", untested.len());
    for issue in &untested {
        entry_ui(ui, "Untested", cx, issue, commands, |ui| {
            let unplaced: Vec<&str> = issue
                .awaited
                .iter()
                .filter(|party| !issue.silent.contains(party))
                .map(|&party| short_name(workspace, party))
                .collect();
            if !unplaced.is_empty() {
                ui.label(format!(
                    "{} speak{} to it without a place on the scale",
                    unplaced.join(", "),
                    if unplaced.len() == 1 { "s" } else { "" }
                ));
            }
        });
    }
    nothing_ui(ui, untested.is_empty());
}

/// Deadlocks, each with whose limits hold the gap open.
fn deadlocks_ui(ui: &mut Ui, cx: &ViewContext<'_>, analysis: &Analysis, commands: &mut Commands) {
    let workspace = cx.workspace;
    let deadlocks = with_status(analysis, Status::Deadlock);
    section_ui(ui, Status::Deadlock, "Deadlock", deadlocks.len());
    for issue in &deadlocks {
        entry_ui(ui, "Deadlock", cx, issue, commands, |ui| {
            if let Some(gap) = &issue.gap {
                ui.label(format!(
                    "Held apart by {} (up to {:.0}) and {} (from {:.0})",
                    holders(workspace, &gap.low_side),
                    gap.from,
                    holders(workspace, &gap.high_side),
                    gap.to
                ));
            }
        });
    }
    nothing_ui(ui, deadlocks.is_empty());
}

/// Demands that run into another party's red line, each cited once with the red lines.
fn collisions_ui(ui: &mut Ui, cx: &ViewContext<'_>, analysis: &Analysis, commands: &mut Commands) {
    let workspace = cx.workspace;
    let collisions: Vec<&IssueAnalysis> = analysis
        .issues
        .iter()
        .map(AsRef::as_ref)
        .filter(|issue| !issue.collisions.is_empty())
        .collect();
    section_ui(
        ui,
        Status::Deadlock,
        "Collisions",
        collisions.iter().map(|issue| issue.collisions.len()).sum(),
    );
    for issue in &collisions {
        entry_ui(ui, "Collision", cx, issue, commands, |ui| {
            // One demand often meets several red lines: cite it once, then each of them.
            let mut demands: Vec<StatementKey> =
                issue.collisions.iter().map(|c| c.demand).collect();
            demands.dedup();
            for &demand in demands.iter().take(LISTED) {
                cited_ui(ui, workspace, demand, "demands");
                let rejections: Vec<StatementKey> = issue
                    .collisions
                    .iter()
                    .filter(|c| c.demand == demand)
                    .map(|c| c.rejection)
                    .collect();
                for &rejection in rejections.iter().take(LISTED) {
                    cited_ui(ui, workspace, rejection, "rejects it");
                }
                more_ui(ui, rejections.len(), "red lines against it");
            }
            more_ui(ui, demands.len(), "demands that meet a red line");
        });
    }
    nothing_ui(ui, collisions.is_empty());
}

/// How many of a kind of finding an entry lists; the brief has them all.
const LISTED: usize = 3;

/// "… and 4 more conditional offers", under a list cut at [`LISTED`].
fn more_ui(ui: &mut Ui, count: usize, what: &str) {
    if count > LISTED {
        ui.weak(format!(
            "… and {} more {what} (Export brief… lists every one)",
            count - LISTED
        ));
    }
}

fn nothing_ui(ui: &mut Ui, empty: bool) {
    if empty {
        ui.weak("None");
    }
}

/// One issue: its title as a link, its status in figures, who is silent, then `details`.
fn entry_ui(
    ui: &mut Ui,
    section: &str,
    cx: &ViewContext<'_>,
    issue: &IssueAnalysis,
    commands: &mut Commands,
    details: impl FnOnce(&mut Ui),
) {
    let (workspace, view) = (cx.workspace, cx.view);
    let id = ui.make_persistent_id(("finding", section, &issue.issue));
    crate::views::widgets::in_view_ui(ui, id, |ui| {
        let title = workspace
            .issue_group(&issue.issue)
            .map_or(issue.issue.as_str(), |group| group.title.as_str());
        let selected = view.selected_issue.as_deref() == Some(issue.issue.as_str());
        ui.add_space(2.0);
        let response = ui
            .selectable_label(selected, RichText::new(title).strong())
            .on_hover_text("Show this issue in the columns");
        response.widget_info(|| {
            egui::WidgetInfo::selected(
                egui::Role::Button,
                true,
                selected,
                format!("{section}: {title}"),
            )
        });
        if response.clicked() {
            commands.push(Command::SelectIssue(issue.issue.clone()));
        }
        ui.indent(("finding", &issue.issue), |ui| {
            // The section already names the status; the figures are what is new.
            let mut facts = match (&issue.zone, &issue.gap) {
                (Some(zone), _) if issue.status == Status::Untested => {
                    format!("overlap {:.0}–{:.0} so far", zone.min, zone.max)
                }
                (Some(zone), _) => format!("zone {:.0}–{:.0}", zone.min, zone.max),
                (_, Some(gap)) => format!("gap {:.0}–{:.0}", gap.from, gap.to),
                _ => "fewer than two parties are placed on the scale".to_owned(),
            };
            if !issue.silent.is_empty() {
                let silent: Vec<&str> = issue
                    .silent
                    .iter()
                    .map(|&party| short_name(workspace, party))
                    .collect();
                facts.push_str(&format!(" · silent: {}", silent.join(", ")));
            }
            if issue.status == Status::Untested {
                for file in workspace
                    .negotiation
                    .left_out
                    .iter()
                    .filter(|file| file.is_party_file())
                {
                    facts.push_str(&format!(
                        " · waits on {}, which did not load",
                        file.file_name()
                    ));
                }
            }
            if issue.status == Status::Unaddressed && issue.stands.is_empty() {
                facts = "no party shown speaks to it".to_owned();
            }
            ui.weak(facts);
            if let Some(predicted) = super::prediction::prediction_fact(issue, ui) {
                ui.label(predicted);
            }
            for divergence in super::blocs::divergence_facts(cx, &issue.issue, ui) {
                ui.label(divergence);
            }
            // Numbers that fail validation are left out of the comparison; say so where the
            // finding is, or it would look surer than it is.
            let with_errors = issue
                .stands
                .iter()
                .flat_map(|stand| {
                    stand.statements.iter().map(|&statement| StatementKey {
                        party: stand.party,
                        statement,
                    })
                })
                .filter(|&key| workspace.problems_of(key).any(|problem| problem.is_error()))
                .count();
            if with_errors > 0 {
                let text = if with_errors == 1 {
                    "1 statement here has an error; what it gets wrong is left out".to_owned()
                } else {
                    format!(
                        "{with_errors} statements here have errors; what they get wrong is left out"
                    )
                };
                ui.colored_label(ui.visuals().error_fg_color, text);
            }
            details(ui);
        });
    });
}

/// The conditional offers on an issue, parties making the same offer on the same conditions
/// grouped together: `(["NATO", "US"], ["as long as …", "and agrees …"])`.
fn conditional_offers<'a>(
    workspace: &'a Workspace,
    issue: &IssueAnalysis,
) -> Vec<(Vec<&'a str>, Vec<&'a str>)> {
    let mut grouped: Vec<(Vec<&str>, Vec<&str>)> = Vec::new();
    let mut offers: Vec<StatementKey> = issue.conditional_offers.iter().map(|o| o.offer).collect();
    offers.dedup();
    for key in offers {
        let Some(statement) = workspace.statement(key) else {
            continue;
        };
        let conditions: Vec<&str> = issue
            .conditional_offers
            .iter()
            .filter(|offer| offer.offer == key)
            .filter_map(|offer| statement.conditions.get(offer.condition))
            .map(|condition| condition.text.as_str())
            .collect();
        let party = short_name(workspace, key.party);
        match grouped.iter_mut().find(|(_, c)| *c == conditions) {
            Some((parties, _)) if !parties.contains(&party) => parties.push(party),
            Some(_) => {}
            None => grouped.push((vec![party], conditions)),
        }
    }
    grouped
}

fn short_name(workspace: &Workspace, party: usize) -> &str {
    workspace
        .negotiation
        .party(party)
        .map_or("?", |file| file.party.short_name.as_str())
}

/// "Russia's red line, NATO's demand": each party holding one side of a gap, with the kind of
/// statement that holds it.
fn holders(workspace: &Workspace, keys: &[StatementKey]) -> String {
    let mut named: Vec<String> = Vec::new();
    for &key in keys {
        let Some(statement) = workspace.statement(key) else {
            continue;
        };
        let text = format!(
            "{}'s {}",
            short_name(workspace, key.party),
            statement.kind.label()
        );
        if !named.contains(&text) {
            named.push(text);
        }
    }
    named.join(", ")
}

/// A statement as the brief cites it: who, what, and the first source's words.
fn cited_ui(ui: &mut Ui, workspace: &Workspace, key: StatementKey, verb: &str) {
    let Some(statement) = workspace.statement(key) else {
        return;
    };
    ui.label(format!(
        "{} {verb}: {}",
        short_name(workspace, key.party),
        super::widgets::clipped(&statement.summary, super::widgets::PANEL_TEXT)
    ));
    if let Some(citation) = citation(statement) {
        ui.weak(citation);
    }
}

fn citation(statement: &Statement) -> Option<String> {
    let source = statement.sources.first()?;
    Some(format!(
        "\u{201c}{}\u{201d} ({}, {})",
        super::widgets::clipped(&source.quote, super::widgets::PANEL_TEXT),
        source.speaker,
        source.date
    ))
}
