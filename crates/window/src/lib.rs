//! The Common Ground window (eframe/egui). It draws a
//! [`Session`](common_ground_document::Session) and carries out what the user asks; everything
//! the window can be told to do is a [`Command`], and every command given by name, with its
//! label and shortcuts, is in the [`registry`].

mod app;
mod apply;
mod apply_rounds;
mod command;
mod dialogs;
mod effects;
mod export;
mod filter;
mod import;
mod keyboard;
mod layout;
mod registry;
mod settings;
mod style;
mod view_state;
mod views;

pub use app::{App, Platform, run};
pub use command::Command;
pub use dialogs::{DialogAnswer, FileDialogs, PickRequest, PickedFiles, SaveRequest};
pub use export::{BriefFormat, ExportChoice, Exported, FigureFormat};
pub use registry::{Focus, UserCommand};
pub use settings::{Columns, Page, Recent, Settings};
pub use view_state::{Modal, NoticeAction, ShownNotice, ViewState};
