//! A small SVG writer: shapes and real text, everything from a file escaped, and a `<title>`
//! and `<desc>` so that a screen reader can say what the figure shows.

use super::palette::Rgb;
use super::text::Weight;

/// The fonts a figure asks for: DejaVu Sans (bundled for PNG figures, and whose widths the
/// layout uses), then fallbacks at least as wide.
const FONT_FAMILY: &str = "'DejaVu Sans', Verdana, 'Bitstream Vera Sans', sans-serif";

/// Where a text's x is: its start, middle or end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Anchor {
    Start,
    Middle,
    End,
}

/// A line of text to draw.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Text<'a> {
    pub x: f64,
    /// The baseline.
    pub y: f64,
    pub size: f64,
    pub weight: Weight,
    pub fill: Rgb,
    pub anchor: Anchor,
    pub content: &'a str,
}

/// An SVG document being written.
pub(crate) struct Svg {
    body: String,
}

impl Svg {
    pub(crate) fn new() -> Svg {
        Svg {
            body: String::new(),
        }
    }

    /// The finished document, `width` × `height`, with its title and description first.
    pub(crate) fn finish(
        self,
        width: f64,
        height: f64,
        background: Rgb,
        title: &str,
        description: &str,
    ) -> String {
        let (w, h) = (number(width), number(height));
        let opening = format!(
            "width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" role=\"img\" \
             aria-labelledby=\"figure-title figure-desc\""
        );
        let head = format!(
            "<title id=\"figure-title\">{}</title>\n<desc id=\"figure-desc\">{}</desc>\n\
             <rect width=\"100%\" height=\"100%\" fill=\"{background}\"/>\n",
            escape(title),
            escape(description)
        );
        self.document(&opening, &head)
    }

    /// The drawing to be placed inside another document (the HTML brief): it scales to the
    /// width it is given, and `label` says what it shows.
    pub(crate) fn inline(self, width: f64, height: f64, label: &str) -> String {
        let opening = format!(
            "viewBox=\"0 0 {} {}\" role=\"img\" aria-label=\"{}\"",
            number(width),
            number(height),
            escape(label)
        );
        self.document(&opening, "")
    }

    fn document(self, attributes: &str, head: &str) -> String {
        format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" {attributes} \
             font-family=\"{FONT_FAMILY}\">\n{head}{}</svg>\n",
            self.body
        )
    }

    /// Adds what another writer drew, on top of what is here.
    pub(crate) fn append(&mut self, other: &Svg) {
        self.body.push_str(&other.body);
    }

    pub(crate) fn rect(&mut self, x: f64, y: f64, width: f64, height: f64, style: &Style) {
        self.body.push_str(&format!(
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"{}/>",
            number(x),
            number(y),
            number(width.max(0.0)),
            number(height.max(0.0)),
            style.attributes()
        ));
        self.body.push('\n');
    }

    pub(crate) fn line(&mut self, from: (f64, f64), to: (f64, f64), stroke: Rgb, width: f64) {
        self.body.push_str(&format!(
            "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{stroke}\" \
             stroke-width=\"{}\"/>",
            number(from.0),
            number(from.1),
            number(to.0),
            number(to.1),
            number(width)
        ));
        self.body.push('\n');
    }

    pub(crate) fn circle(&mut self, centre: (f64, f64), radius: f64, style: &Style) {
        self.body.push_str(&format!(
            "<circle cx=\"{}\" cy=\"{}\" r=\"{}\"{}/>",
            number(centre.0),
            number(centre.1),
            number(radius),
            style.attributes()
        ));
        self.body.push('\n');
    }

    pub(crate) fn polygon(&mut self, points: &[(f64, f64)], style: &Style) {
        let points: Vec<String> = points
            .iter()
            .map(|(x, y)| format!("{},{}", number(*x), number(*y)))
            .collect();
        self.body.push_str(&format!(
            "<polygon points=\"{}\"{}/>",
            points.join(" "),
            style.attributes()
        ));
        self.body.push('\n');
    }

    pub(crate) fn text(&mut self, text: &Text<'_>) {
        let anchor = match text.anchor {
            Anchor::Start => "",
            Anchor::Middle => " text-anchor=\"middle\"",
            Anchor::End => " text-anchor=\"end\"",
        };
        let weight = match text.weight {
            Weight::Regular => "",
            Weight::Bold => " font-weight=\"bold\"",
        };
        self.body.push_str(&format!(
            "<text x=\"{}\" y=\"{}\" font-size=\"{}\" fill=\"{}\"{anchor}{weight}>{}</text>",
            number(text.x),
            number(text.y),
            number(text.size),
            text.fill,
            escape(text.content)
        ));
        self.body.push('\n');
    }

    /// Opens a group that a reader or a test can name: `class` says what it is, `title` says
    /// it in words (a browser shows it on hover), `data` carries its numbers.
    pub(crate) fn open_group(&mut self, class: &str, title: &str, data: &[(&str, String)]) {
        let mut attributes = String::new();
        for (name, value) in data {
            attributes.push_str(&format!(" data-{name}=\"{}\"", escape(value)));
        }
        self.body.push_str(&format!(
            "<g class=\"{class}\"{attributes}><title>{}</title>",
            escape(title)
        ));
        self.body.push('\n');
    }

    pub(crate) fn close_group(&mut self) {
        self.body.push_str("</g>\n");
    }

    /// Diagonal hatching over a rectangle, so that a gap reads as a gap without its colour.
    pub(crate) fn hatch(&mut self, x: f64, y: f64, width: f64, height: f64, stroke: Rgb) {
        let mut path = String::new();
        let step = 7.0;
        let mut start = x - height;
        while start < x + width {
            // Each line runs from the bottom left to the top right, cut to the rectangle.
            let (mut x0, mut y0, mut x1, mut y1) = (start, y + height, start + height, y);
            if x0 < x {
                y0 -= x - x0;
                x0 = x;
            }
            if x1 > x + width {
                y1 += x1 - (x + width);
                x1 = x + width;
            }
            path.push_str(&format!(
                "M{} {}L{} {}",
                number(x0),
                number(y0),
                number(x1),
                number(y1)
            ));
            start += step;
        }
        self.body.push_str(&format!(
            "<path d=\"{path}\" stroke=\"{stroke}\" stroke-width=\"1\" fill=\"none\"/>"
        ));
        self.body.push('\n');
    }
}

/// Fill and stroke of a shape.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Style {
    pub fill: Option<Rgb>,
    pub fill_opacity: Option<f64>,
    pub stroke: Option<(Rgb, f64)>,
    pub corner: f64,
    /// The stroke in dashes.
    pub dashed: bool,
}

impl Style {
    pub(crate) fn filled(fill: Rgb) -> Style {
        Style {
            fill: Some(fill),
            ..Style::default()
        }
    }

    fn attributes(&self) -> String {
        let mut out = String::new();
        match self.fill {
            Some(fill) => {
                out.push_str(&format!(" fill=\"{fill}\""));
            }
            None => out.push_str(" fill=\"none\""),
        }
        if let Some(opacity) = self.fill_opacity {
            out.push_str(&format!(" fill-opacity=\"{}\"", number(opacity)));
        }
        if let Some((stroke, width)) = self.stroke {
            out.push_str(&format!(
                " stroke=\"{stroke}\" stroke-width=\"{}\"",
                number(width)
            ));
        }
        if self.dashed {
            out.push_str(" stroke-dasharray=\"3 2\"");
        }
        if self.corner > 0.0 {
            out.push_str(&format!(" rx=\"{}\"", number(self.corner)));
        }
        out
    }
}

/// A coordinate with at most two decimals and no needless zeros, so figures diff well.
pub(crate) fn number(value: f64) -> String {
    // Not a number, or infinite, only from data that failed validation: drawn at 0.
    let value = if value.is_finite() { value } else { 0.0 };
    let text = format!("{value:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" {
        "0".to_owned()
    } else {
        text.to_owned()
    }
}

/// Text from a file, made safe inside an element or an attribute: markup characters escaped
/// and the control characters XML forbids dropped.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\n' | '\t' | '\r' => out.push(' '),
            // Controls and the noncharacters XML does not allow.
            c if c.is_control()
                || matches!(c, '\u{fdd0}'..='\u{fdef}' | '\u{fffe}' | '\u{ffff}') => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_text_cannot_break_out_of_the_markup() {
        assert_eq!(
            escape("<script>\"a\" & 'b'\u{1b}\nc</script>"),
            "&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39; c&lt;/script&gt;"
        );
    }

    #[test]
    fn coordinates_are_short() {
        assert_eq!(number(12.0), "12");
        assert_eq!(number(12.5), "12.5");
        assert_eq!(number(1.0 / 3.0), "0.33");
        assert_eq!(number(-0.001), "0");
    }

    #[test]
    fn hatching_stays_inside_its_rectangle() {
        let mut svg = Svg::new();
        svg.hatch(10.0, 0.0, 20.0, 10.0, Rgb(0, 0, 0));
        let path = svg
            .body
            .split("d=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap();
        let numbers: Vec<f64> = path
            .split(['M', 'L', ' '])
            .filter_map(|part| part.parse().ok())
            .collect();
        assert!(!numbers.is_empty());
        for pair in numbers.chunks(2) {
            assert!((10.0..=30.0).contains(&pair[0]), "x {}", pair[0]);
            assert!((0.0..=10.0).contains(&pair[1]), "y {}", pair[1]);
        }
    }
}
