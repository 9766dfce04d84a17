//! What the window exports: the comparison as a Markdown brief (the text of `common-ground
//! compare --format markdown`) and the view as a PNG image.

use std::io::Cursor;
use std::path::PathBuf;

use image::{ImageFormat, RgbaImage};

use crate::dialogs::SaveRequest;
use crate::settings::Page;

/// A file name made from the negotiation's name: letters and digits kept, the rest dashes.
fn file_stem(name: &str) -> String {
    let mut stem = String::new();
    for c in name.chars() {
        if c.is_alphanumeric() {
            stem.extend(c.to_lowercase());
        } else if !stem.is_empty() && !stem.ends_with('-') {
            stem.push('-');
        }
    }
    let stem = stem.trim_end_matches('-');
    if stem.is_empty() {
        "negotiation".to_owned()
    } else {
        stem.to_owned()
    }
}

pub(crate) fn brief_request(negotiation: &str, directory: Option<PathBuf>) -> SaveRequest {
    SaveRequest {
        title: "Export the comparison as a brief".to_owned(),
        directory,
        file_name: format!("{}-brief.md", file_stem(negotiation)),
        filter_name: "Markdown".to_owned(),
        extension: "md".to_owned(),
    }
}

pub(crate) fn image_request(
    negotiation: &str,
    page: Page,
    directory: Option<PathBuf>,
) -> SaveRequest {
    let view = match page {
        Page::Columns => "columns",
        Page::Scales => "scales",
        Page::Matrix => "matrix",
    };
    SaveRequest {
        title: "Export the view as an image".to_owned(),
        directory,
        file_name: format!("{}-{view}.png", file_stem(negotiation)),
        filter_name: "PNG image".to_owned(),
        extension: "png".to_owned(),
    }
}

/// The part of a screenshot inside `rect` (in points), clamped to the image, so the export is
/// the view itself without the menus, panels and status bar around it.
pub(crate) fn crop(
    image: &egui::ColorImage,
    rect: egui::Rect,
    pixels_per_point: f32,
) -> egui::ColorImage {
    let [width, height] = image.size;
    let to_pixel = |value: f32, limit: usize| {
        ((value * pixels_per_point).round().max(0.0) as usize).min(limit)
    };
    let (left, right) = (to_pixel(rect.min.x, width), to_pixel(rect.max.x, width));
    let (top, bottom) = (to_pixel(rect.min.y, height), to_pixel(rect.max.y, height));
    if right <= left || bottom <= top {
        return image.clone();
    }
    image.region_by_pixels([left, top], [right - left, bottom - top])
}

/// The PNG bytes of a screenshot.
pub(crate) fn encode_png(image: &egui::ColorImage) -> Result<Vec<u8>, String> {
    let [width, height] = image.size;
    let pixels: Vec<u8> = image
        .pixels
        .iter()
        .flat_map(|pixel| pixel.to_array())
        .collect();
    let too_big = || format!("a {width}×{height} image is too large to save");
    let buffer = RgbaImage::from_raw(
        u32::try_from(width).map_err(|_overflow| too_big())?,
        u32::try_from(height).map_err(|_overflow| too_big())?,
        pixels,
    )
    .ok_or_else(too_big)?;
    let mut png = Vec::new();
    buffer
        .write_to(&mut Cursor::new(&mut png), ImageFormat::Png)
        .map_err(|error| error.to_string())?;
    Ok(png)
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::Color32;

    #[test]
    fn file_names_come_from_the_negotiation_name() {
        assert_eq!(
            brief_request(
                "US, NATO and Russia on European security (January 2022)",
                None
            )
            .file_name,
            "us-nato-and-russia-on-european-security-january-2022-brief.md"
        );
        assert_eq!(
            image_request("", Page::Matrix, None).file_name,
            "negotiation-matrix.png"
        );
        assert_eq!(
            image_request("Été 2024", Page::Scales, None).file_name,
            "été-2024-scales.png"
        );
    }

    #[test]
    fn a_crop_takes_the_view_in_physical_pixels_and_stays_inside_the_image() {
        let pixels: Vec<Color32> = (0..16u8).map(Color32::from_gray).collect();
        let image = egui::ColorImage::new([4, 4], pixels);
        // At 2 pixels per point, points (0.5, 0.5)–(1.5, 1.5) are pixels 1–3.
        let rect = egui::Rect::from_min_max(egui::pos2(0.5, 0.5), egui::pos2(1.5, 1.5));
        let cropped = crop(&image, rect, 2.0);
        assert_eq!(cropped.size, [2, 2]);
        assert_eq!(cropped.pixels[0], Color32::from_gray(5));
        assert_eq!(cropped.pixels[3], Color32::from_gray(10));
        // A view reaching past the image is cut at its edge, not a panic.
        let past = egui::Rect::from_min_max(egui::pos2(1.0, 1.0), egui::pos2(99.0, 99.0));
        assert_eq!(crop(&image, past, 1.0).size, [3, 3]);
    }

    #[test]
    fn a_screenshot_encodes_as_a_png_that_decodes_to_the_same_pixels() {
        let red = Color32::from_rgb(200, 10, 20);
        let blue = Color32::from_rgb(0, 80, 255);
        let image = egui::ColorImage::new([2, 1], vec![red, blue]);
        let png = encode_png(&image).unwrap();
        assert_eq!(&png[..4], b"\x89PNG");
        let decoded = image::load_from_memory(&png).unwrap().to_rgba8();
        assert_eq!(decoded.dimensions(), (2, 1));
        assert_eq!(decoded.get_pixel(0, 0).0, [200, 10, 20, 255]);
        assert_eq!(decoded.get_pixel(1, 0).0, [0, 80, 255, 255]);
    }
}
