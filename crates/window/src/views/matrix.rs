//! Issues × parties: each cell shows the party's hardest statement on the issue, from red line
//! to offer, or that it is silent. Clicking a cell goes to that statement in the columns.

use egui::{Button, Color32, Grid, RichText, ScrollArea, Ui, Vec2};

use crate::command::{Command, Commands};
use crate::style::{kind_colour, kind_tag, party_colour, status_colour, wash};
use crate::view_state::ViewState;
use common_ground_core::analysis::{Analysis, IssueAnalysis, hardness, strongest};
use common_ground_core::model::Kind;
use common_ground_core::negotiation::StatementKey;
use common_ground_document::workspace::Workspace;

use super::issue_chart::status_words;
use super::widgets::colour_swatch;

/// Cells grow with the window between these widths; the issue titles and statuses take the
/// rest.
const CELL_WIDTHS: std::ops::RangeInclusive<f32> = 112.0..=190.0;
/// The room the status takes ("possible agreement 40–100" and the like).
const STATUS_WIDTH: f32 = 180.0;
/// The issue titles wrap within this; narrower than its start, the table scrolls.
const TITLE_WIDTHS: std::ops::RangeInclusive<f32> = 160.0..=360.0;
/// The room between two rows, which the grid adds after each.
const ROW_SPACING: f32 = 6.0;

pub(crate) fn matrix_ui(
    ui: &mut Ui,
    workspace: &Workspace,
    view: &ViewState,
    analysis: &Analysis,
    commands: &mut Commands,
) {
    legend_ui(ui);
    ui.add_space(6.0);
    let parties = analysis.parties.len().max(1) as f32;
    // The cells take what they need first; the titles wrap in what is left, so that in a
    // small window the whole table still fits.
    let spacing = 10.0 * (parties + 2.0) + ui.spacing().scroll.allocated_width();
    let title_width =
        (ui.available_width() - STATUS_WIDTH - spacing - parties * CELL_WIDTHS.start())
            .clamp(*TITLE_WIDTHS.start(), *TITLE_WIDTHS.end());
    let cell_width = ((ui.available_width() - title_width - STATUS_WIDTH - spacing) / parties)
        .clamp(*CELL_WIDTHS.start(), *CELL_WIDTHS.end());
    // Solid scroll bars: a status cut at the edge must show that there is more to the right.
    ui.spacing_mut().scroll = egui::style::ScrollStyle::solid();
    ScrollArea::both()
        .id_salt("matrix")
        .auto_shrink(false)
        .show(ui, |ui| {
            Grid::new("overview matrix")
                .striped(true)
                .spacing(Vec2::new(10.0, ROW_SPACING))
                .min_col_width(cell_width)
                .show(ui, |ui| {
                    ui.strong("Issue");
                    // The finding comes right after the issue, so it is never the part cut off.
                    ui.strong("Status");
                    for &party in &analysis.parties {
                        let Some(party) = workspace.negotiation.party(party).map(|f| &f.party)
                        else {
                            continue;
                        };
                        ui.horizontal(|ui| {
                            colour_swatch(ui, party_colour(&party.colour));
                            ui.strong(&party.short_name).on_hover_text(&party.name);
                        });
                    }
                    ui.end_row();

                    for issue in &analysis.issues {
                        let Some((group_index, group)) = workspace
                            .issues
                            .iter()
                            .enumerate()
                            .find(|(_, group)| group.id == issue.issue)
                        else {
                            continue;
                        };
                        if !view.filters.shows_category(&group.category) {
                            continue;
                        }
                        let row = Row {
                            index: group_index,
                            id: &group.id,
                            title: &group.title,
                            issue,
                        };
                        let widths = (title_width, cell_width);
                        row_in_view_ui(ui, workspace, view, analysis, &row, widths, commands);
                    }
                });
        });
}

/// One issue's row of the matrix: its title, status and a cell a party.
struct Row<'a> {
    /// Index into the workspace's issue groups.
    index: usize,
    id: &'a str,
    title: &'a str,
    issue: &'a IssueAnalysis,
}

/// An issue's row, or, when it lies out of view and has been drawn before, empty room of the
/// height it had then: thirty parties over sixty issues are too many buttons to build in
/// every frame, and the scroll area still knows how tall the table is.
fn row_in_view_ui(
    ui: &mut Ui,
    workspace: &Workspace,
    view: &ViewState,
    analysis: &Analysis,
    row: &Row<'_>,
    (title_width, cell_width): (f32, f32),
    commands: &mut Commands,
) {
    // The title wraps within its width, so a height holds for the width it was drawn at.
    let height_id = egui::Id::unique(("matrix row height", row.id, title_width as i32));
    let top = ui.cursor().top();
    let height: Option<f32> = ui.data(|data| data.get_temp(height_id));
    let clip = ui.clip_rect();
    if let Some(height) = height
        && (top > clip.bottom() || top + height < clip.top())
    {
        let room = (height - ROW_SPACING).max(0.0);
        ui.allocate_exact_size(Vec2::new(title_width, room), egui::Sense::hover());
        ui.end_row();
        return;
    }
    row_ui(
        ui,
        workspace,
        view,
        analysis,
        row,
        (title_width, cell_width),
        commands,
    );
    ui.end_row();
    let drawn = ui.cursor().top() - top;
    ui.data_mut(|data| data.insert_temp(height_id, drawn));
}

fn row_ui(
    ui: &mut Ui,
    workspace: &Workspace,
    view: &ViewState,
    analysis: &Analysis,
    row: &Row<'_>,
    (title_width, cell_width): (f32, f32),
    commands: &mut Commands,
) {
    let selected = view.selected_issue.as_deref() == Some(row.id);
    let title = ui
        .vertical(|ui| {
            ui.set_max_width(title_width);
            ui.add(
                egui::Button::selectable(selected, row.title).wrap_mode(egui::TextWrapMode::Wrap),
            )
        })
        .inner;
    if title
        .on_hover_text("Show this issue in the columns")
        .clicked()
    {
        commands.push(Command::SelectIssue(row.id.to_owned()));
    }
    ui.label(
        RichText::new(status_words(row.issue)).color(status_colour(row.issue.status, ui.visuals())),
    );
    for &party in &analysis.parties {
        let on_issue = view.held_on(workspace, row.index, party);
        let statements = workspace
            .negotiation
            .party(party)
            .map_or(&[][..], |file| file.statements.as_slice());
        let hardest =
            strongest(statements, &on_issue).map(|statement| StatementKey { party, statement });
        cell_ui(
            ui,
            cell_width,
            workspace,
            view,
            row.id,
            row.title,
            party,
            hardest,
            on_issue.len(),
            commands,
        );
    }
}

/// The kinds from hardest to softest, as the legend lists them.
fn kinds_by_hardness() -> Vec<Kind> {
    let mut kinds = Kind::ALL.to_vec();
    kinds.sort_by_key(|&kind| hardness(kind));
    kinds
}

fn legend_ui(ui: &mut Ui) {
    ui.horizontal_wrapped(|ui| {
        ui.weak("Each cell shows the party's hardest statement, from");
        for kind in kinds_by_hardness() {
            tag_ui(ui, kind);
        }
        ui.weak("to silent. A number counts its other statements on the issue.");
    });
}

fn tag_ui(ui: &mut Ui, kind: Kind) {
    let colour = kind_colour(kind, ui.visuals());
    ui.label(
        RichText::new(kind_tag(kind))
            .size(11.0)
            .strong()
            .color(colour),
    );
}

#[expect(
    clippy::too_many_arguments,
    reason = "a cell names its issue and party"
)]
fn cell_ui(
    ui: &mut Ui,
    width: f32,
    workspace: &Workspace,
    view: &ViewState,
    issue_id: &str,
    issue_title: &str,
    party: usize,
    hardest: Option<StatementKey>,
    count: usize,
    commands: &mut Commands,
) {
    let party_name = workspace
        .negotiation
        .party(party)
        .map_or("?", |file| file.party.short_name.as_str());
    let Some(key) = hardest else {
        let response = ui
            .add_sized(
                Vec2::new(width, 24.0),
                Button::new(RichText::new("silent").weak()).frame(false),
            )
            .on_hover_text(format!("{party_name} says nothing on {issue_title}"));
        let label = format!("{party_name} on {issue_title}: silent");
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
        if response.clicked() {
            commands.push(Command::SelectIssue(issue_id.to_owned()));
        }
        return;
    };
    let Some(statement) = workspace.statement(key) else {
        return;
    };
    let visuals = ui.visuals();
    let colour = kind_colour(statement.kind, visuals);
    let mut text = kind_tag(statement.kind);
    if count > 1 {
        text.push_str(&format!("  +{}", count - 1));
    }
    let selected = view.selected == Some(key);
    let fill = wash(colour, visuals);
    let stroke_colour: Color32 = if selected {
        visuals.selection.stroke.color
    } else {
        colour
    };
    let response = ui
        .add_sized(
            Vec2::new(width, 24.0),
            Button::new(RichText::new(text).strong().size(12.0).color(colour))
                .fill(fill)
                .stroke(egui::Stroke::new(
                    if selected { 2.0 } else { 1.0 },
                    stroke_colour,
                )),
        )
        .on_hover_ui(|ui| {
            ui.set_max_width(340.0);
            ui.strong(format!("{party_name} on {issue_title}"));
            ui.label(super::widgets::clipped(
                &statement.summary,
                super::widgets::PANEL_TEXT,
            ));
            ui.weak(format!(
                "{}, {} · salience {:.0}",
                statement.kind.label(),
                statement.firmness.label(),
                statement.salience
            ));
            ui.weak("Click to go to it in the columns.");
        });
    let label = format!("{party_name} on {issue_title}: {}", statement.kind.label());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
    if response.clicked() {
        commands.push(Command::Select(key));
        commands.push(Command::SetPage(crate::settings::Page::Columns));
    }
}
