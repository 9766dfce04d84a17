//! README features each checked as a person uses them: duplicate, the inspector's Edit
//! button, the category filter, View › Parties, zoom, the unsaved marks, the questions
//! before a reload or a save, an issue's menu, a double-click and a huge summary.

use super::*;

/// The US's statements, as open in the window.
fn us_statements(harness: &Harness<'static, App>) -> Vec<common_ground_core::model::Statement> {
    harness.state().session().workspace().negotiation.parties[2]
        .data
        .statements
        .clone()
}

#[test]
fn duplicate_in_the_editor_copies_the_statement_below_and_undo_takes_it_back() {
    let mut harness = example_window();
    assert!(!harness.state().view().editing);
    harness.get_by_label_contains(US_RED_LINE_CARD).click();
    harness.run();
    harness.key_press(Key::F2);
    harness.run();
    assert!(harness.state().view().editing);
    let key = harness.state().view().selected.unwrap();
    harness.get_by_role_and_label(Role::MultilineTextInput, "Summary");
    let before = us_statements(&harness);
    harness
        .get_by_role_and_label(Role::Button, "Duplicate")
        .click();
    harness.run();
    let after = us_statements(&harness);
    assert_eq!(after.len(), before.len() + 1);
    // The copy comes right after the original, says the same, and has an id of its own.
    let (original, copy) = (&after[key.statement], &after[key.statement + 1]);
    assert_eq!(original, &before[key.statement]);
    assert_eq!(copy.summary, original.summary);
    assert_eq!(copy.range, original.range);
    assert_ne!(copy.id, original.id);
    assert_eq!(&after[key.statement + 2..], &before[key.statement + 1..]);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(us_statements(&harness), before);
}

#[test]
fn the_inspector_s_edit_button_opens_the_editor_of_the_selected_statement() {
    let mut harness = example_window();
    harness.get_by_label_contains(US_RED_LINE_CARD).click();
    harness.run();
    // The inspector's Edit, not a column's: it names what it edits.
    harness
        .get_by_role_and_label(Role::Button, "Edit the selection")
        .click();
    harness.run();
    assert!(harness.state().view().editing);
    let summary = harness.get_by_role_and_label(Role::MultilineTextInput, "Summary");
    assert_eq!(summary.value().as_deref(), Some(US_RED_LINE));
}

#[test]
fn the_category_filter_shows_only_that_category_s_issues() {
    let mut harness = example_window();
    let membership = "Issue: NATO membership for Ukraine and other ex-Soviet states";
    let arms = [
        "Issue: Offensive missile placement in Eastern Europe",
        "Issue: Military exercises in Eastern Europe",
        "Issue: Broad arms control agreements",
    ];
    harness.get_by_label(membership);
    harness
        .get_by_role_and_label(Role::ComboBox, "Category")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "Arms control")
        .click();
    harness.run();
    assert_eq!(
        harness.state().view().filters.category.as_deref(),
        Some("Arms control")
    );
    assert!(harness.query_by_label(membership).is_none());
    for issue in arms {
        harness.get_by_label(issue);
    }
    assert!(
        harness
            .query_by_label("Issue: Russian forces near Ukraine's border")
            .is_none()
    );
}

#[test]
fn view_parties_hides_a_party_and_moves_a_column() {
    let mut harness = example_window();
    let open_parties = |harness: &mut Harness<'static, App>| {
        harness.get_by_role_and_label(Role::Button, "View").click();
        harness.run();
        harness
            .get_by_role_and_label(Role::Button, "Parties")
            .click();
        harness.run();
    };
    open_parties(&mut harness);
    harness
        .get_by_role_and_label(Role::CheckBox, "Russian Federation")
        .click();
    harness.run();
    assert!(
        harness
            .query_by_role_and_label(Role::ColumnHeader, "Russian Federation")
            .is_none()
    );
    assert!(harness.state().view().columns.hidden.contains("russia"));
    // Move the US column left, past Russia (hidden) and NATO: it comes first.
    let order = |harness: &Harness<'static, App>| {
        let workspace = harness.state().session().workspace();
        harness.state().view().columns.ordered(workspace)
    };
    assert_eq!(order(&harness), [0, 1, 2]);
    // A choice closes the menu, as menus do; open it again.
    assert_eq!(harness.query_all_by_label("Move left").count(), 0);
    open_parties(&mut harness);
    let us_left = harness
        .get_all_by_label("Move left")
        .max_by(|a, b| a.rect().top().total_cmp(&b.rect().top()))
        .unwrap();
    us_left.click();
    harness.run();
    assert_eq!(order(&harness), [0, 2, 1]);
}

#[test]
fn the_zoom_keys_enlarge_shrink_and_reset_everything() {
    let mut harness = example_window();
    assert_eq!(harness.ctx.zoom_factor(), 1.0);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Plus);
    harness.run();
    let larger = harness.ctx.zoom_factor();
    assert!(larger > 1.0, "{larger}");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Minus);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Minus);
    harness.run();
    assert!(
        harness.ctx.zoom_factor() < 1.0,
        "{}",
        harness.ctx.zoom_factor()
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num0);
    harness.run();
    assert_eq!(harness.ctx.zoom_factor(), 1.0);
    // Remembered for the next start.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Plus);
    harness.run();
    assert_eq!(harness.state().settings().zoom, harness.ctx.zoom_factor());
}

/// Selects the US red line and types into its summary in the editor.
fn edit_the_us_red_line(harness: &mut Harness<'static, App>, typed: &str) {
    harness.get_by_label_contains(US_RED_LINE_CARD).click();
    harness.run();
    harness.key_press(Key::F2);
    harness.run();
    harness
        .get_by_role_and_label(Role::MultilineTextInput, "Summary")
        .type_text(typed);
    harness.run();
}

#[test]
fn an_unsaved_file_is_marked_in_the_title_the_column_header_and_the_status_bar() {
    let folder = tempfile::tempdir().unwrap();
    copy_example_to(folder.path());
    let mut harness = window(vec![folder.path().to_owned()]);
    let header = |harness: &Harness<'static, App>| {
        harness
            .get_by_role_and_label(Role::ColumnHeader, "United States")
            .value()
    };
    assert_eq!(header(&harness), None);
    harness.get_by_label_contains(US_RED_LINE_CARD).click();
    harness.run();
    harness.key_press(Key::F2);
    harness.run();
    harness
        .get_by_role_and_label(Role::MultilineTextInput, "Summary")
        .type_text(" (edited)");
    // The title goes to the window once, in the frame after the edit.
    let mut titles = Vec::new();
    for _ in 0..4 {
        harness.step();
        let output = &harness.output().viewport_output[&egui::ViewportId::ROOT];
        titles.extend(output.commands.iter().filter_map(|command| match command {
            egui::ViewportCommand::Title(title) => Some(title.clone()),
            _ => None,
        }));
    }
    harness.run();
    assert_eq!(titles.len(), 1, "{titles:?}");
    assert!(
        titles[0].starts_with("*US, NATO and Russia on European security, January 2022 — "),
        "{}",
        titles[0]
    );
    assert_eq!(header(&harness).as_deref(), Some("unsaved"));
    assert_eq!(
        harness
            .get_by_role_and_label(Role::ColumnHeader, "Russian Federation")
            .value(),
        None
    );
    harness.get_by_label("1 file unsaved");
}

#[test]
fn save_in_the_question_before_a_reload_saves_then_reloads() {
    let folder = tempfile::tempdir().unwrap();
    copy_example_to(folder.path());
    let mut harness = window(vec![folder.path().to_owned()]);
    edit_the_us_red_line(&mut harness, " (kept)");
    harness.key_press(Key::F5);
    harness.run();
    harness.get_by_label("Save your changes?");
    harness.get_by_role_and_label(Role::Button, "Save").click();
    harness.run();
    let written = std::fs::read_to_string(folder.path().join("us.ron")).unwrap();
    assert!(written.contains(&format!("{US_RED_LINE} (kept)")));
    let workspace = harness.state().session().workspace();
    assert!(!workspace.is_dirty());
    assert!(harness.query_by_label("Save your changes?").is_none());
    // Reloaded from what was just written: the edit is what is open now.
    let summaries: Vec<&str> = workspace.negotiation.parties[2]
        .data
        .statements
        .iter()
        .map(|statement| statement.summary.as_str())
        .collect();
    assert!(summaries.contains(&format!("{US_RED_LINE} (kept)").as_str()));
}

#[test]
fn ctrl_s_on_the_edited_built_in_example_saves_a_copy_into_the_folder_chosen() {
    let folder = tempfile::tempdir().unwrap();
    let app = app(
        Settings::default(),
        Vec::new(),
        ScriptedDialogs::answering(vec![folder.path().to_owned()]),
    );
    let mut harness = harness_for(app, Vec2::new(1600.0, 1000.0));
    edit_the_us_red_line(&mut harness, " (a copy)");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    step_until(&mut harness, |app| {
        app.session().workspace().origin
            == common_ground_document::Origin::Paths(vec![folder.path().to_owned()])
    });
    assert!(!harness.state().session().workspace().is_dirty());
    for name in ["agenda.ron", "nato.ron", "russia.ron", "us.ron"] {
        assert!(folder.path().join(name).is_file(), "{name}");
    }
    let us = std::fs::read_to_string(folder.path().join("us.ron")).unwrap();
    assert!(us.contains(&format!("{US_RED_LINE} (a copy)")));
}

#[test]
fn an_issue_s_menu_adds_a_statement_by_the_party_chosen_and_opens_it() {
    let mut harness = example_window();
    let before = harness.state().session().workspace().negotiation.parties[1]
        .data
        .statements
        .len();
    harness
        .get_by_label("Issue: NATO membership for Ukraine and other ex-Soviet states")
        .click_secondary();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "Add a statement by Russia")
        .click();
    harness.run();
    let workspace = harness.state().session().workspace();
    assert_eq!(
        workspace.negotiation.parties[1].data.statements.len(),
        before + 1
    );
    // The new statement is selected and open in the editor, on the issue whose menu it was.
    assert!(harness.state().view().editing);
    let key = harness.state().view().selected.unwrap();
    assert_eq!(key.party, 1);
    let added = workspace.statement(key).unwrap();
    assert_eq!(added.issue, "nato-membership");
    assert!(added.summary.is_empty());
}

#[test]
fn a_double_click_on_a_card_opens_its_editor() {
    let mut harness = example_window();
    // The harness's frames are further apart than a person's two clicks; let egui count
    // two clicks a frame apart as one double-click, as it does on screen.
    harness
        .ctx
        .options_mut(|options| options.input_options.max_double_click_delay = 1.0);
    let card = harness
        .get_by_label_contains(US_RED_LINE_CARD)
        .rect()
        .center();
    harness.hover_at(card);
    harness.run();
    for click in 1..=2 {
        for pressed in [true, false] {
            harness.event(egui::Event::PointerButton {
                pos: card,
                button: egui::PointerButton::Primary,
                pressed,
                modifiers: Modifiers::NONE,
            });
        }
        harness.step();
        // One click only selects.
        assert_eq!(
            harness.state().view().editing,
            click == 2,
            "after click {click}"
        );
    }
    harness.run();
    let summary = harness.get_by_role_and_label(Role::MultilineTextInput, "Summary");
    assert_eq!(summary.value().as_deref(), Some(US_RED_LINE));
}

#[test]
fn a_summary_of_ten_megabytes_in_one_line_opens_cut_short_where_it_is_shown() {
    let folder = tempfile::tempdir().unwrap();
    copy_example_to(folder.path());
    let us = folder.path().join("us.ron");
    let huge = "word ".repeat(2_000_000);
    let text = std::fs::read_to_string(&us)
        .unwrap()
        .replacen(US_RED_LINE, &huge, 1);
    std::fs::write(&us, text).unwrap();
    let mut harness = window(vec![folder.path().to_owned()]);
    // The whole summary is open, to edit and to save; the card and the inspector show its
    // start and say how much more there is.
    let key = StatementKey {
        party: 2,
        statement: 0,
    };
    let statement = harness
        .state()
        .session()
        .workspace()
        .statement(key)
        .unwrap()
        .clone();
    assert_eq!(statement.summary.len(), huge.len());
    let card = harness.get_by_label_contains("US, red line: word word");
    let label = card.accesskit_node().label().unwrap_or_default();
    assert!(label.len() < 40_000, "{}", label.len());
    assert!(label.contains("more characters, in the file and the editor"));
    card.click();
    harness.run();
    assert!(
        harness
            .query_all_by_label_contains("9995000 more characters")
            .count()
            >= 1
    );
}
