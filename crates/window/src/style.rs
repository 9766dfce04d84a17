//! Colours and marks shared by the views. Colour never carries meaning alone: every kind has
//! a text label, firmness a word, salience a number.

use egui::{Color32, Visuals};

use common_ground_core::analysis::Status;
use common_ground_core::model::{Firmness, Kind};

/// Kind colours from the Okabe–Ito palette, which stays distinct under the common forms of
/// colour blindness; the label on each tag carries the meaning too.
pub(crate) fn kind_colour(kind: Kind, visuals: &Visuals) -> Color32 {
    let (light, dark) = match kind {
        Kind::Demand => (
            Color32::from_rgb(0x00, 0x5a, 0x8c),
            Color32::from_rgb(0x56, 0xb4, 0xe9),
        ),
        Kind::Rejection => (
            Color32::from_rgb(0xb0, 0x3a, 0x00),
            Color32::from_rgb(0xff, 0x7a, 0x3c),
        ),
        Kind::Offer => (
            Color32::from_rgb(0x00, 0x7a, 0x5a),
            Color32::from_rgb(0x2f, 0xc8, 0x9a),
        ),
        Kind::OpenToTalks => (
            Color32::from_rgb(0x1f, 0x6f, 0x8b),
            Color32::from_rgb(0x8f, 0xd3, 0xf0),
        ),
        Kind::Condition => (
            Color32::from_rgb(0x63, 0x57, 0x00),
            Color32::from_rgb(0xf0, 0xe4, 0x42),
        ),
        Kind::Concern => (
            Color32::from_rgb(0x9c, 0x3f, 0x7c),
            Color32::from_rgb(0xe0, 0x9a, 0xc8),
        ),
        Kind::Warning => (
            Color32::from_rgb(0x86, 0x4b, 0x00),
            Color32::from_rgb(0xe6, 0x9f, 0x00),
        ),
    };
    if visuals.dark_mode { dark } else { light }
}

/// Status colours from the same palette: bluish green for possible agreement, blue for an
/// overlap that waits on a silent party, vermillion for deadlock. Every status is written out
/// beside its colour, and a gap is hatched as well.
pub(crate) fn status_colour(status: Status, visuals: &Visuals) -> Color32 {
    let dark = visuals.dark_mode;
    match status {
        Status::PossibleAgreement if dark => Color32::from_rgb(0x2f, 0xc8, 0x9a),
        Status::PossibleAgreement => Color32::from_rgb(0x00, 0x6e, 0x52),
        Status::Untested if dark => Color32::from_rgb(0x56, 0xb4, 0xe9),
        Status::Untested => Color32::from_rgb(0x00, 0x5a, 0x8e),
        Status::Deadlock if dark => Color32::from_rgb(0xff, 0x7a, 0x3c),
        Status::Deadlock => Color32::from_rgb(0xb0, 0x3a, 0x00),
        Status::Unaddressed => visuals.weak_text_color(),
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
pub(crate) fn party_colour(colour: &str) -> Color32 {
    let parsed = colour
        .strip_prefix('#')
        .filter(|hex| hex.len() == 6 && hex.is_ascii())
        .and_then(|hex| {
            let channel = |at: usize| u8::from_str_radix(&hex[at..at + 2], 16).ok();
            Some(Color32::from_rgb(channel(0)?, channel(2)?, channel(4)?))
        });
    parsed.unwrap_or(Color32::GRAY)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn party_colours_parse_and_bad_ones_fall_back_to_grey() {
        assert_eq!(party_colour("#0072b2"), Color32::from_rgb(0x00, 0x72, 0xb2));
        assert_eq!(party_colour("#D55E00"), Color32::from_rgb(0xd5, 0x5e, 0x00));
        for bad in ["", "0072b2", "#0072b", "#zzzzzz", "#é0000"] {
            assert_eq!(party_colour(bad), Color32::GRAY, "{bad}");
        }
    }

    #[test]
    fn every_kind_has_its_own_colour_in_each_theme() {
        for visuals in [Visuals::light(), Visuals::dark()] {
            let colours: std::collections::HashSet<_> = Kind::ALL
                .iter()
                .map(|&kind| kind_colour(kind, &visuals))
                .collect();
            assert_eq!(colours.len(), Kind::ALL.len());
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
