//! How wide text is drawn, so that figures wrap titles and size their columns without a font
//! engine: the advance widths of DejaVu Sans, the font bundled for PNG figures and named first
//! in every SVG. A browser without it falls back to Verdana or another wide sans, which takes
//! no more room.

/// Advance widths of DejaVu Sans for the printable ASCII characters, in thousandths of an em.
const REGULAR: [u16; 95] = [
    318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337, 636, 636, 636,
    636, 636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 531, 1000, 684, 686, 698, 770, 632,
    575, 775, 752, 295, 295, 656, 557, 863, 748, 787, 603, 787, 695, 635, 611, 732, 684, 989, 685,
    611, 685, 390, 337, 390, 838, 500, 500, 613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579,
    278, 974, 634, 612, 635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838,
];

/// The same for DejaVu Sans Bold.
const BOLD: [u16; 95] = [
    348, 456, 521, 838, 696, 1002, 872, 306, 457, 457, 523, 838, 380, 415, 380, 365, 696, 696, 696,
    696, 696, 696, 696, 696, 696, 696, 400, 400, 838, 838, 838, 580, 1000, 774, 762, 734, 830, 683,
    683, 821, 837, 372, 372, 775, 637, 995, 837, 850, 733, 850, 770, 720, 682, 812, 774, 1103, 771,
    724, 725, 457, 365, 457, 838, 500, 500, 675, 716, 593, 716, 678, 435, 716, 712, 343, 343, 665,
    343, 1042, 712, 687, 716, 716, 493, 595, 478, 712, 652, 924, 645, 652, 582, 712, 365, 712, 838,
];

/// Regular or bold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Weight {
    Regular,
    Bold,
}

/// The advance of one character in thousandths of an em. Outside ASCII: the punctuation the
/// reports use, else about the width of a wide Cyrillic letter (Д: 781 and 891), the widest
/// common script the font has, and a full em for the wide East Asian ranges.
fn advance(c: char, weight: Weight) -> u16 {
    let table = match weight {
        Weight::Regular => &REGULAR,
        Weight::Bold => &BOLD,
    };
    let bold = weight == Weight::Bold;
    match c {
        ' '..='~' => table
            .get(usize::from(c as u8 - b' '))
            .copied()
            .unwrap_or(1000),
        '–' => 500,
        '·' | '’' | '‘' => {
            if bold {
                380
            } else {
                318
            }
        }
        '—' | '…' | '\u{2e80}'.. => 1000,
        '×' => 838,
        '“' | '”' => 657,
        _ if bold => 890,
        _ => 780,
    }
}

/// The width of `text` at `size` pixels.
pub(crate) fn width(text: &str, size: f64, weight: Weight) -> f64 {
    let thousandths: u32 = text.chars().map(|c| u32::from(advance(c, weight))).sum();
    f64::from(thousandths) * size / 1000.0
}

/// `text` in lines no wider than `max_width`, broken at spaces; a word wider than a line on
/// its own is broken where it must be. Never empty: an empty text is one empty line.
pub(crate) fn wrap(text: &str, size: f64, weight: Weight, max_width: f64) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() {
            word.to_owned()
        } else {
            format!("{line} {word}")
        };
        if width(&candidate, size, weight) <= max_width {
            line = candidate;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        // A word too long for any line is cut into pieces that fit.
        for c in word.chars() {
            let mut longer = line.clone();
            longer.push(c);
            if !line.is_empty() && width(&longer, size, weight) > max_width {
                lines.push(std::mem::take(&mut line));
                line.push(c);
            } else {
                line = longer;
            }
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// `text` cut with "…" so that it fits in `max_width`.
pub(crate) fn truncate(text: &str, size: f64, weight: Weight, max_width: f64) -> String {
    if width(text, size, weight) <= max_width {
        return text.to_owned();
    }
    let mut cut = String::new();
    for c in text.chars() {
        let mut longer = cut.clone();
        longer.push(c);
        longer.push('…');
        if width(&longer, size, weight) > max_width {
            break;
        }
        cut.push(c);
    }
    format!("{}…", cut.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_add_up_the_font_advances() {
        // "Hi": H 752 + i 278 thousandths of an em; at 10 px that is 10.3 px.
        assert!((width("Hi", 10.0, Weight::Regular) - 10.3).abs() < 1e-9);
        // Bold H 837 + i 343.
        assert!((width("Hi", 10.0, Weight::Bold) - 11.8).abs() < 1e-9);
        assert_eq!(width("", 12.0, Weight::Regular), 0.0);
    }

    #[test]
    fn wrapping_breaks_at_spaces_and_cuts_only_words_too_long_for_a_line() {
        // Each "aaaa" is 4 × 613 = 2452 thousandths, 24.52 px at 10 px; with a space 27.7.
        assert_eq!(
            wrap("aaaa aaaa aaaa", 10.0, Weight::Regular, 53.0),
            vec!["aaaa aaaa", "aaaa"]
        );
        assert_eq!(
            wrap("aaaaaaaa", 10.0, Weight::Regular, 25.0),
            vec!["aaaa", "aaaa"]
        );
        assert_eq!(wrap("", 10.0, Weight::Regular, 50.0), vec![""]);
        assert_eq!(
            wrap("  two   words ", 10.0, Weight::Regular, 500.0),
            vec!["two words"]
        );
    }

    #[test]
    fn truncation_keeps_what_fits_and_says_it_cut() {
        assert_eq!(truncate("short", 10.0, Weight::Regular, 100.0), "short");
        let cut = truncate("Russian Federation", 10.0, Weight::Regular, 50.0);
        assert!(cut.ends_with('…'), "{cut}");
        assert!(width(&cut, 10.0, Weight::Regular) <= 50.0);
        assert!(cut.starts_with("Rus"), "{cut}");
    }
}
