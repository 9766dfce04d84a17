//! PNG figures: the SVG rasterised by resvg with the bundled DejaVu fonts, so a PNG looks the
//! same on every machine whatever fonts it has.

use resvg::{tiny_skia, usvg};

/// DejaVu Sans, which the window also takes as a fallback for the arrows and symbols its
/// default font lacks.
pub const REGULAR: &[u8] = include_bytes!("../../../../assets/fonts/DejaVuSans.ttf");
const BOLD: &[u8] = include_bytes!("../../../../assets/fonts/DejaVuSans-Bold.ttf");

/// Why a figure could not be rasterised.
#[derive(Debug, thiserror::Error)]
pub enum PngError {
    #[error("the figure is not valid SVG: {0}")]
    Svg(#[from] usvg::Error),
    #[error("a figure of {width}×{height} pixels is too large to rasterise")]
    TooLarge { width: f32, height: f32 },
    #[error("the PNG could not be encoded: {0}")]
    Encode(String),
}

/// The PNG of an SVG figure at `scale` pixels per SVG unit (1 or 2 for a sharp print).
pub fn png(svg: &str, scale: f32) -> Result<Vec<u8>, PngError> {
    let mut options = usvg::Options {
        font_family: "DejaVu Sans".to_owned(),
        ..usvg::Options::default()
    };
    let fonts = options.fontdb_mut();
    fonts.load_font_data(REGULAR.to_vec());
    fonts.load_font_data(BOLD.to_vec());
    fonts.set_sans_serif_family("DejaVu Sans");
    let tree = usvg::Tree::from_str(svg, &options)?;
    let size = tree.size();
    let too_large = || PngError::TooLarge {
        width: size.width() * scale,
        height: size.height() * scale,
    };
    let pixels = size
        .to_int_size()
        .scale_by(scale)
        .filter(|pixels| u64::from(pixels.width()) * u64::from(pixels.height()) <= 100_000_000)
        .ok_or_else(too_large)?;
    let mut pixmap =
        tiny_skia::Pixmap::new(pixels.width(), pixels.height()).ok_or_else(too_large)?;
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    pixmap
        .encode_png()
        .map_err(|error| PngError::Encode(error.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_figure_rasterises_at_its_size_times_the_scale() {
        let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"30\" height=\"20\">\
                   <rect width=\"30\" height=\"20\" fill=\"#0072b2\"/>\
                   <text x=\"2\" y=\"15\" font-size=\"12\">Hi</text></svg>";
        let png = png(svg, 2.0).unwrap();
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
        // The IHDR chunk holds the width and height, big-endian, from byte 16.
        assert_eq!(&png[16..24], &[0, 0, 0, 60, 0, 0, 0, 40]);
    }

    #[test]
    fn bad_svg_and_absurd_sizes_are_errors_not_panics() {
        assert!(matches!(png("<svg", 1.0), Err(PngError::Svg(_))));
        let huge = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100000\" height=\"100000\"/>";
        assert!(matches!(png(huge, 2.0), Err(PngError::TooLarge { .. })));
    }
}
