//! Colours and marks shared by the views. Colour never carries meaning alone: every kind has
//! a text label, firmness a word, salience a number.

use egui::{Color32, Visuals};

use common_ground_core::analysis::Status;
use common_ground_core::diff::Change;
use common_ground_core::figure::{Palette, Rgb, Theme};
use common_ground_core::model::{Firmness, Kind};

/// The core's palette for the theme `visuals` are drawn in: the window and the exported
/// figures share every colour.
fn palette(visuals: &Visuals) -> Palette {
    Palette::of(if visuals.dark_mode {
        Theme::Dark
    } else {
        Theme::Light
    })
}

pub(crate) fn colour(rgb: Rgb) -> Color32 {
    Color32::from_rgb(rgb.0, rgb.1, rgb.2)
}

/// Kind colours from the Okabe–Ito palette, which stays distinct under the common forms of
/// colour blindness; the label on each tag carries the meaning too.
pub(crate) fn kind_colour(kind: Kind, visuals: &Visuals) -> Color32 {
    colour(palette(visuals).kind(kind))
}

/// Status colours from the same palette: bluish green for possible agreement, blue for an
/// overlap that waits on a silent party, vermillion for deadlock. Every status is written out
/// beside its colour, and a gap is hatched as well.
pub(crate) fn status_colour(status: Status, visuals: &Visuals) -> Color32 {
    match status {
        Status::Unaddressed => visuals.weak_text_color(),
        _ => colour(palette(visuals).status(status)),
    }
}

/// The tag text of a kind: its label in capitals, so tags read as tags.
pub(crate) fn kind_tag(kind: Kind) -> String {
    kind.label().to_uppercase()
}

/// How many of three blocks a firmness fills, from flexible (1) to non-negotiable (3).
pub(crate) fn firmness_level(firmness: Firmness) -> usize {
    match firmness {
        Firmness::Flexible => 1,
        Firmness::Firm => 2,
        Firmness::NonNegotiable => 3,
    }
}

/// A party's `#rrggbb` colour; grey when the file's colour is not one (validation says so).
pub(crate) fn party_colour(text: &str) -> Color32 {
    Rgb::parse(text).map_or(Color32::GRAY, colour)
}

/// A faint wash of a colour for backgrounds, readable under text in either theme.
pub(crate) fn wash(colour: Color32, visuals: &Visuals) -> Color32 {
    let alpha = if visuals.dark_mode { 0.22 } else { 0.12 };
    let background = visuals.panel_fill;
    lerp(background, colour, alpha)
}

fn lerp(from: Color32, to: Color32, t: f32) -> Color32 {
    let mix = |a: u8, b: u8| (f32::from(a) + (f32::from(b) - f32::from(a)) * t).round() as u8;
    Color32::from_rgb(
        mix(from.r(), to.r()),
        mix(from.g(), to.g()),
        mix(from.b(), to.b()),
    )
}

/// egui's default text, and its dimmed text even more, fall short of the 4.5:1 contrast that
/// long reading needs; these greys reach it on each theme's panels.
pub(crate) fn raise_text_contrast(ctx: &egui::Context) {
    ctx.style_mut_of(egui::Theme::Dark, |style| {
        style.visuals.widgets.noninteractive.fg_stroke.color = Color32::from_gray(205);
        style.visuals.weak_text_color = Some(Color32::from_gray(150));
    });
    ctx.style_mut_of(egui::Theme::Light, |style| {
        style.visuals.widgets.noninteractive.fg_stroke.color = Color32::from_gray(40);
        style.visuals.weak_text_color = Some(Color32::from_gray(95));
    });
}

/// The highlight behind search matches.
pub(crate) fn match_background(visuals: &Visuals) -> Color32 {
    if visuals.dark_mode {
        Color32::from_rgb(0x6b, 0x55, 0x00)
    } else {
        Color32::from_rgb(0xff, 0xe0, 0x70)
    }
}

/// What changed, in the status colours it leans to: a softening towards agreement's green, a
/// hardening towards deadlock's vermillion, a new position blue; a dropped one in the
/// warning colour, an unchanged one weak. The word is always written beside the colour.
pub(crate) fn change_colour(change: Change, visuals: &Visuals) -> Color32 {
    match change {
        Change::Softened => status_colour(Status::PossibleAgreement, visuals),
        Change::Hardened => status_colour(Status::Deadlock, visuals),
        Change::New => status_colour(Status::Untested, visuals),
        Change::Dropped => visuals.warn_fg_color,
        Change::Unchanged => visuals.weak_text_color(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn party_colours_parse_and_bad_ones_fall_back_to_grey() {
        assert_eq!(party_colour("#0072b2"), Color32::from_rgb(0x00, 0x72, 0xb2));
        assert_eq!(party_colour("#D55E00"), Color32::from_rgb(0xd5, 0x5e, 0x00));
        for bad in ["", "0072b2", "#0072b", "#zzzzzz", "#é0000", "#+1+1+1"] {
            assert_eq!(party_colour(bad), Color32::GRAY, "{bad}");
        }
    }

    #[test]
    fn a_wash_stays_close_to_the_background() {
        let visuals = Visuals::light();
        let washed = wash(Color32::from_rgb(0, 0, 0), &visuals);
        let background = visuals.panel_fill;
        assert!(washed.r() < background.r());
        assert!(background.r() - washed.r() < 40);
    }
}
