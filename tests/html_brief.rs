//! The HTML brief in a real browser: headless Chromium (Debian's `chromium`, which `.ci/run`
//! installs) renders it with its charts, and prints it to PDF on A4 and on Letter with no
//! chart cut across two pages, as `pdftotext` (poppler-utils) reads the pages back.
//!
//! Without Chromium or pdftotext these tests say so and pass, unless
//! COMMON_GROUND_REQUIRE_BROWSER is set, as `.ci/run` sets it: there they fail.
#![expect(
    clippy::unwrap_used,
    reason = "helpers of tests fail loudly on what they did not expect"
)]

mod support;

use std::path::{Path, PathBuf};
use std::process::Command;

use support::DATA;

/// The browser's command, or `None` (after saying why) when the test cannot run here.
fn tools() -> Option<String> {
    let browser = ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|name| {
            Command::new(name)
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success())
        });
    let pdftotext = Command::new("pdftotext").arg("-v").output().is_ok();
    match (browser, pdftotext) {
        (Some(browser), true) => Some(browser.to_owned()),
        _ => {
            let message = "Chromium or pdftotext is missing: the HTML brief was NOT checked in a \
                           browser (Debian: apt-get install chromium poppler-utils)";
            assert!(
                std::env::var_os("COMMON_GROUND_REQUIRE_BROWSER").is_none(),
                "{message}"
            );
            eprintln!("WARNING: {message}");
            None
        }
    }
}

/// The brief of the example as `compare --format html` writes it, in `folder`.
fn brief(folder: &Path, theme: &str) -> PathBuf {
    let path = folder.join(format!("brief-{theme}.html"));
    assert_cmd::cargo::cargo_bin_cmd!("common-ground")
        .args(["compare", DATA, "--format", "html", "--theme", theme, "-o"])
        .arg(&path)
        .assert()
        .success();
    path
}

/// Runs headless Chromium on `page` with `args`; its own profile keeps runs apart.
fn chromium(browser: &str, profile: &Path, page: &Path, args: &[String]) {
    let output = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .arg(format!("file://{}", page.display()))
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "chromium failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn the_brief_renders_with_its_charts_in_the_party_colours() {
    let Some(browser) = tools() else { return };
    let folder = tempfile::tempdir().unwrap();
    let page = brief(folder.path(), "light");
    let shot = folder.path().join("shot.png");
    let args = [
        format!("--screenshot={}", shot.display()),
        "--window-size=1200,6000".to_owned(),
    ];
    chromium(&browser, &folder.path().join("profile"), &page, &args);
    let image = image::open(&shot).unwrap().to_rgba8();
    // The bands are drawn in each party's colour: US #0072b2, NATO #009e73, Russia #d55e00.
    // Hundreds of pixels of each mean the charts were drawn, not just the text.
    for (party, colour) in [
        ("US", [0x00, 0x72, 0xb2]),
        ("NATO", [0x00, 0x9e, 0x73]),
        ("Russia", [0xd5, 0x5e, 0x00]),
    ] {
        let near = image
            .pixels()
            .filter(|pixel| {
                pixel.0[..3]
                    .iter()
                    .zip(colour)
                    .all(|(&a, b)| a.abs_diff(b) <= 12)
            })
            .count();
        assert!(near > 300, "{party}: only {near} pixels in its colour");
    }
}

/// The text of each page of a PDF.
fn pages_of(pdf: &Path) -> Vec<String> {
    let info = Command::new("pdfinfo").arg(pdf).output().unwrap();
    let info = String::from_utf8_lossy(&info.stdout);
    let pages: usize = info
        .lines()
        .find_map(|line| line.strip_prefix("Pages:"))
        .and_then(|count| count.trim().parse().ok())
        .unwrap();
    (1..=pages)
        .map(|page| {
            let page = page.to_string();
            let text = Command::new("pdftotext")
                .args(["-f", &page, "-l", &page, "-layout"])
                .arg(pdf)
                .arg("-")
                .output()
                .unwrap();
            String::from_utf8_lossy(&text.stdout).into_owned()
        })
        .collect()
}

/// Where "Figure N" (at the foot of chart N's drawing) and "Figure N:" (its caption, above
/// it) are: the page numbers of each, in order.
fn figure_pages(pages: &[String], figure: usize) -> (Vec<usize>, Vec<usize>) {
    let foot = format!("Figure {figure}");
    let mut captions = Vec::new();
    let mut feet = Vec::new();
    for (number, text) in pages.iter().enumerate() {
        for (at, _) in text.match_indices(&foot) {
            let next = text[at + foot.len()..].chars().next();
            match next {
                Some(':') => captions.push(number + 1),
                Some(c) if c.is_ascii_digit() => {}
                _ => feet.push(number + 1),
            }
        }
    }
    (captions, feet)
}

#[test]
fn printed_on_a4_and_letter_no_chart_is_cut_across_pages() {
    let Some(browser) = tools() else { return };
    let folder = tempfile::tempdir().unwrap();
    let brief = brief(folder.path(), "light");
    let html = std::fs::read_to_string(&brief).unwrap();
    let charts = html.matches("<figure class=\"chart\">").count();
    assert_eq!(charts, 11, "one chart per issue");
    for paper in ["A4", "letter"] {
        // As a reader's printer would choose the paper.
        let page = folder.path().join(format!("brief-{paper}.html"));
        let sized = html.replace(
            "</head>",
            &format!("<style>@page {{ size: {paper}; }}</style></head>"),
        );
        std::fs::write(&page, sized).unwrap();
        let pdf = folder.path().join(format!("brief-{paper}.pdf"));
        let args = [
            format!("--print-to-pdf={}", pdf.display()),
            "--no-pdf-header-footer".to_owned(),
        ];
        chromium(
            &browser,
            &folder.path().join(format!("profile-{paper}")),
            &page,
            &args,
        );
        let pages = pages_of(&pdf);
        assert!(pages.len() > 3, "{paper}: {} pages", pages.len());
        for figure in 1..=charts {
            let (captions, feet) = figure_pages(&pages, figure);
            assert_eq!(
                captions.len(),
                1,
                "{paper}: figure {figure}'s caption on pages {captions:?}"
            );
            assert_eq!(
                captions, feet,
                "{paper}: figure {figure} starts on page {captions:?} and ends on {feet:?}"
            );
        }
    }
}
