//! The colours of the figures and of the window, in one place so that the two agree: the
//! Okabe–Ito palette, which stays distinct under the common forms of colour blindness, in a
//! darker shade for light backgrounds and a lighter one for dark. Colour never carries meaning
//! alone: every kind, status and party is written out beside its colour.

use std::fmt;

use crate::analysis::Status;
use crate::model::Kind;

/// A colour as red, green and blue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl fmt::Display for Rgb {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }
}

impl Rgb {
    pub const GREY: Rgb = Rgb(128, 128, 128);

    /// A party's `#rrggbb` colour; `None` when the file's colour is not one (validation says
    /// so).
    pub fn parse(text: &str) -> Option<Rgb> {
        let hex = text
            .strip_prefix('#')
            .filter(|hex| hex.len() == 6 && hex.bytes().all(|b| b.is_ascii_hexdigit()))?;
        let channel = |at: usize| {
            hex.get(at..at + 2)
                .and_then(|pair| u8::from_str_radix(pair, 16).ok())
        };
        Some(Rgb(channel(0)?, channel(2)?, channel(4)?))
    }

    /// A party's colour, grey when its file's colour is not a colour.
    pub fn of_party(text: &str) -> Rgb {
        Rgb::parse(text).unwrap_or(Rgb::GREY)
    }

    /// The colour `t` of the way from `self` to `to`.
    pub fn mix(self, to: Rgb, t: f64) -> Rgb {
        let channel =
            |a: u8, b: u8| (f64::from(a) + (f64::from(b) - f64::from(a)) * t).round() as u8;
        Rgb(
            channel(self.0, to.0),
            channel(self.1, to.1),
            channel(self.2, to.2),
        )
    }
}

/// Light or dark.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    #[default]
    Light,
    Dark,
}

impl Theme {
    pub fn is_dark(self) -> bool {
        self == Theme::Dark
    }

    /// "light" or "dark", as the command line and file names say it.
    pub fn id(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

/// The colours a figure is drawn with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette {
    pub theme: Theme,
    pub background: Rgb,
    pub text: Rgb,
    /// Secondary text: axis numbers, anchors, the source line. Both greys reach a 4.5:1
    /// contrast on their background, as the window's do.
    pub weak: Rgb,
    pub rule: Rgb,
}

impl Palette {
    pub fn of(theme: Theme) -> Palette {
        match theme {
            Theme::Light => Palette {
                theme,
                background: Rgb(248, 248, 248),
                text: Rgb(40, 40, 40),
                weak: Rgb(95, 95, 95),
                rule: Rgb(200, 200, 200),
            },
            Theme::Dark => Palette {
                theme,
                background: Rgb(27, 27, 27),
                text: Rgb(205, 205, 205),
                weak: Rgb(150, 150, 150),
                rule: Rgb(70, 70, 70),
            },
        }
    }

    /// Bluish green for possible agreement, blue for an overlap that waits on a party not placed,
    /// vermillion for deadlock, grey for an issue nobody placed.
    pub fn status(&self, status: Status) -> Rgb {
        let dark = self.theme.is_dark();
        match status {
            Status::PossibleAgreement if dark => Rgb(0x2f, 0xc8, 0x9a),
            Status::PossibleAgreement => Rgb(0x00, 0x6e, 0x52),
            Status::Untested if dark => Rgb(0x56, 0xb4, 0xe9),
            Status::Untested => Rgb(0x00, 0x5a, 0x8e),
            Status::Deadlock if dark => Rgb(0xff, 0x7a, 0x3c),
            Status::Deadlock => Rgb(0xb0, 0x3a, 0x00),
            Status::Unaddressed => self.weak,
        }
    }

    pub fn kind(&self, kind: Kind) -> Rgb {
        let (light, dark) = match kind {
            Kind::Demand => (Rgb(0x00, 0x5a, 0x8c), Rgb(0x56, 0xb4, 0xe9)),
            Kind::Rejection => (Rgb(0xb0, 0x3a, 0x00), Rgb(0xff, 0x7a, 0x3c)),
            Kind::Offer => (Rgb(0x00, 0x7a, 0x5a), Rgb(0x2f, 0xc8, 0x9a)),
            Kind::OpenToTalks => (Rgb(0x1f, 0x6f, 0x8b), Rgb(0x8f, 0xd3, 0xf0)),
            Kind::Condition => (Rgb(0x63, 0x57, 0x00), Rgb(0xf0, 0xe4, 0x42)),
            Kind::Concern => (Rgb(0x9c, 0x3f, 0x7c), Rgb(0xe0, 0x9a, 0xc8)),
            Kind::Warning => (Rgb(0x86, 0x4b, 0x00), Rgb(0xe6, 0x9f, 0x00)),
        };
        if self.theme.is_dark() { dark } else { light }
    }

    /// A faint wash of a colour for backgrounds, readable under text.
    pub fn wash(&self, colour: Rgb) -> Rgb {
        let alpha = if self.theme.is_dark() { 0.22 } else { 0.12 };
        self.background.mix(colour, alpha)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_parse_print_and_mix() {
        assert_eq!(Rgb::parse("#0072b2"), Some(Rgb(0x00, 0x72, 0xb2)));
        assert_eq!(Rgb::parse("#D55E00"), Some(Rgb(0xd5, 0x5e, 0x00)));
        for bad in ["", "0072b2", "#0072b", "#zzzzzz", "#é0000", "#+1+1+1"] {
            assert_eq!(Rgb::parse(bad), None, "{bad}");
        }
        assert_eq!(Rgb(0, 0x72, 0xb2).to_string(), "#0072b2");
        // A quarter of the way from 0 to 200 is 50; from 100 to 0, 75.
        assert_eq!(Rgb(0, 100, 8).mix(Rgb(200, 0, 8), 0.25), Rgb(50, 75, 8));
    }

    #[test]
    fn every_kind_and_status_has_its_own_colour_in_each_theme() {
        for theme in [Theme::Light, Theme::Dark] {
            let palette = Palette::of(theme);
            let kinds: std::collections::HashSet<_> =
                Kind::ALL.iter().map(|&kind| palette.kind(kind)).collect();
            assert_eq!(kinds.len(), Kind::ALL.len());
            let statuses: std::collections::HashSet<_> = [
                Status::PossibleAgreement,
                Status::Untested,
                Status::Deadlock,
                Status::Unaddressed,
            ]
            .iter()
            .map(|&status| palette.status(status))
            .collect();
            assert_eq!(statuses.len(), 4);
        }
    }
}
