//! One file per part of the window. Each `thing_ui` draws from state it only reads and
//! pushes [`super::Command`]s for what the user does.

pub mod columns;
pub mod common_ground;
pub mod drop_overlay;
pub mod editor;
pub mod inspector;
pub mod issue_chart;
pub mod matrix;
pub mod menu_bar;
pub mod modals;
pub mod pages;
pub mod problems;
pub mod scale;
pub mod scales_page;
pub mod status_bar;
pub mod toolbar;
pub mod widgets;
