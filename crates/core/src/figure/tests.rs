//! The figures on small hand-made negotiations, every coordinate worked out by hand from the
//! font widths in `text.rs` and the chart's layout.

use std::path::PathBuf;

use super::chart::{ChartArea, ChartSize, draw};
use super::palette::{Palette, Theme};
use super::svg::Svg;
use super::{FigureError, FigureKind, figure};
use crate::analysis::analyse;
use crate::io::parse_ron;
use crate::model::{Agenda, PartyFile};
use crate::negotiation::{LeftOut, Loaded, Negotiation};

const AGENDA: &str = r#"(format: 1, name: "Test talks", issues: [
    (id: "arms", title: "Arms control", scale: [(at: 0, meaning: "none"), (at: 100, meaning: "treaty")]),
])"#;

/// A party with one statement on "arms": `(range, stance, salience)`.
fn party(
    id: &str,
    name: &str,
    position: Option<((f64, f64), Option<f64>, f64)>,
) -> Loaded<PartyFile> {
    let statements = match position {
        Some(((min, max), stance, salience)) => {
            let stance = stance.map_or("None".to_owned(), |s| format!("Some({s})"));
            format!(
                "[(id: \"s\", issue: \"arms\", kind: Offer, summary: \"s\", stance: {stance}, \
                 range: Some((min: {min}, max: {max})), salience: {salience}, firmness: Firm, estimated: false, \
                 sources: [(quote: \"q\", speaker: \"x\", date: \"2022-01-26\", reference: \"The Wire\")])]"
            )
        }
        None => "[]".to_owned(),
    };
    let text = format!(
        "(format: 1, party: (id: \"{id}\", name: \"{name}\", short_name: \"{name}\", \
         colour: \"#0072b2\"), as_of: \"2022-01-26\", statements: {statements})"
    );
    Loaded {
        path: PathBuf::from(format!("{id}.ron")),
        data: parse_ron(&text).unwrap().value,
    }
}

fn negotiation(parties: Vec<Loaded<PartyFile>>) -> Negotiation {
    let agenda: Agenda = parse_ron(AGENDA).unwrap().value;
    Negotiation {
        agenda: Some(Loaded {
            path: PathBuf::from("agenda.ron"),
            data: agenda,
        }),
        left_out: Vec::new(),
        parties,
    }
}

fn chart_svg(negotiation: &Negotiation, size: ChartSize) -> String {
    let analysis = analyse(
        negotiation,
        &(0..negotiation.parties.len()).collect::<Vec<_>>(),
    );
    let mut svg = Svg::new();
    let area = ChartArea {
        negotiation,
        analysis: &analysis,
        issue: &analysis.issues[0],
        palette: Palette::of(Theme::Light),
        left: 0.0,
        top: 0.0,
        width: 500.0,
        size,
    };
    draw(&mut svg, &area);
    svg.inline(500.0, 200.0, "test")
}

#[test]
fn bands_dots_and_the_zone_sit_where_their_numbers_lie_on_the_scale() {
    let talks = negotiation(vec![
        party("us", "US", Some(((35.0, 100.0), None, 80.0))),
        party("russia", "Russia", Some(((0.0, 45.0), Some(40.0), 60.0))),
    ]);
    let svg = chart_svg(&talks, ChartSize::Full);
    // The name column: "Russia" at 13 px is (695 + 634 + 521 + 521 + 278 + 613) / 1000 × 13
    // = 42.406 px, plus 12 of spacing and 9 for a dot at 0: the scale starts at 63.406. It
    // ends 44 + 6 short of the 500 px width, at 450: 386.594 px for 0–100.
    assert!(svg.contains("data-scale=\"63.41 450\""), "{svg}");
    // US: 35–100 from 63.406 + 0.35 × 386.594 = 198.714 to 450, 251.286 wide; salience 80
    // makes it 3 + 21 × 0.8 = 19.8 thick around the middle of the first lane (18 + 15 = 33).
    assert!(
        svg.contains("x=\"198.71\" y=\"23.1\" width=\"251.29\" height=\"19.8\""),
        "{svg}"
    );
    // Russia: 0–45 is 0.45 × 386.594 = 173.967 wide; salience 60 gives 15.6, around 63.
    assert!(
        svg.contains("x=\"63.41\" y=\"55.2\" width=\"173.97\" height=\"15.6\""),
        "{svg}"
    );
    // Its stance at 40: 63.406 + 154.638 = 218.044.
    assert!(svg.contains("cx=\"218.04\" cy=\"63\""), "{svg}");
    // The zone 35–45, 1.5 wider each side: 197.214 to 238.873, over both lanes (18 to 78).
    assert!(
        svg.contains("x=\"197.21\" y=\"18\" width=\"41.66\" height=\"60\""),
        "{svg}"
    );
    assert!(svg.contains(">zone 35–45</text>"), "{svg}");
    assert!(svg.contains("<title>US on Arms control: accepts 35–100, salience 80</title>"));
}

#[test]
fn an_untested_overlap_is_shaded_only_across_the_parties_placed() {
    let talks = negotiation(vec![
        party("us", "US", Some(((35.0, 100.0), None, 80.0))),
        party("silent", "Quiet", None),
        party("russia", "Russia", Some(((0.0, 45.0), None, 60.0))),
    ]);
    let svg = chart_svg(&talks, ChartSize::Full);
    assert!(svg.contains("data-status=\"untested\""));
    // Lanes 30 high from 18: US at 18, the silent party at 48, Russia at 78. The overlap's
    // shade is the untested blue, 18 % of the way from the background.
    let shade = Palette::of(Theme::Light).background.mix(
        Palette::of(Theme::Light).status(crate::analysis::Status::Untested),
        0.18,
    );
    let shaded: Vec<&str> = svg
        .lines()
        .filter(|line| line.contains(&format!("height=\"30\" fill=\"{shade}\"")))
        .filter_map(|line| line.split("y=\"").nth(1)?.split('"').next())
        .collect();
    assert_eq!(
        shaded,
        ["18", "78"],
        "the silent party's lane is not in the overlap: {svg}"
    );
    assert!(svg.contains(">overlap 35–45 so far</text>"));
    assert!(svg.contains(">(silent)</text>"));
}

#[test]
fn a_figure_names_the_talks_the_parties_the_date_the_files_left_out_and_the_sources() {
    let mut talks = negotiation(vec![
        party("us", "US <&>", Some(((35.0, 100.0), None, 80.0))),
        party("nato", "NATO", Some(((0.0, 20.0), None, 50.0))),
    ]);
    talks.left_out.push(LeftOut {
        path: PathBuf::from("/talks/russia.ron"),
        reason: "3:1: expected a party".to_owned(),
    });
    let analysis = analyse(&talks, &[0, 1]);
    for kind in [
        FigureKind::Scales,
        FigureKind::Matrix,
        FigureKind::Issue("arms".into()),
    ] {
        let svg = figure(&talks, &analysis, &kind, Theme::Dark).unwrap();
        for expected in [
            "<title id=\"figure-title\">Test talks",
            "<desc id=\"figure-desc\">",
            ">Common ground: Test talks</text>",
            "Parties compared: US &lt;&amp;&gt;, NATO · positions as of 2022-01-26",
            "Left out: russia.ron could not be read (3:1: expected a party)",
            "Source: The Wire.",
            // The dark theme's background.
            "fill=\"#1b1b1b\"",
        ] {
            assert!(svg.contains(expected), "{kind:?} lacks {expected}:\n{svg}");
        }
        assert!(!svg.contains("US <&>"), "file text is escaped");
    }
    let legend = figure(&talks, &analysis, &FigureKind::Scales, Theme::Light).unwrap();
    assert!(legend.contains(">deadlock: gap between ranges</text>"));
    let kinds = figure(&talks, &analysis, &FigureKind::Matrix, Theme::Light).unwrap();
    assert!(kinds.contains(">RED LINE</text>") && kinds.contains(">OFFER</text>"));
    // The matrix's findings are coloured by status, and its legend says what each means.
    assert!(kinds.contains(">untested: overlap so far, not every party placed</text>"));
    assert_eq!(
        figure(
            &talks,
            &analysis,
            &FigureKind::Issue("nope".into()),
            Theme::Light
        ),
        Err(FigureError::UnknownIssue("nope".into()))
    );
}

#[test]
fn every_figure_is_well_formed_svg_that_rasterises() {
    let talks = negotiation(vec![
        party("us", "US", Some(((35.0, 100.0), None, 80.0))),
        party(
            "ru",
            "Ру́сский \u{1b} \\\"quoted\\\"",
            Some(((0.0, 20.0), Some(5.0), 50.0)),
        ),
    ]);
    let analysis = analyse(&talks, &[0, 1]);
    for kind in [
        FigureKind::Scales,
        FigureKind::Matrix,
        FigureKind::Issue("arms".into()),
    ] {
        let svg = figure(&talks, &analysis, &kind, Theme::Light).unwrap();
        #[cfg(feature = "png")]
        {
            let png = super::png(&svg, 1.0).unwrap();
            assert_eq!(&png[..4], b"\x89PNG");
        }
        assert!(svg.starts_with("<svg ") && svg.ends_with("</svg>\n"));
        assert!(!svg.contains('\u{1b}'));
    }
}

#[test]
fn the_html_brief_is_self_contained_with_a_chart_beside_each_finding() {
    let talks = negotiation(vec![
        party("us", "US", Some(((35.0, 100.0), None, 80.0))),
        party("ru", "Russia", Some(((0.0, 20.0), None, 50.0))),
    ]);
    let analysis = analyse(&talks, &[0, 1]);
    let html = crate::report::html(&talks, &analysis, Theme::Light);
    assert!(html.starts_with("<!DOCTYPE html>"));
    for forbidden in ["<script", "<link", "src=", "url(", "@import"] {
        assert!(!html.contains(forbidden), "{forbidden}");
    }
    for href in html.split("href=\"").skip(1) {
        assert!(href.starts_with('#'), "a link leaves the page: {href:.40}");
    }
    assert_eq!(html.matches("<figure class=\"chart\">").count(), 1);
    assert!(html.contains("<figcaption>Figure 1: Arms control</figcaption>"));
    assert!(html.contains(">Figure 1</text>"));
    assert!(html.contains("<strong class=\"status-deadlock\">deadlock</strong>: gap 20–35"));
    assert!(html.contains(
        "<blockquote>“q”<br><span class=\"weak\">— x, 2022-01-26 <a href=\"#source-1\">[1]</a>"
    ));
    assert!(html.contains("<li id=\"source-1\">The Wire</li>"));
    assert!(html.contains("break-inside: avoid"));
}

#[test]
fn a_one_point_range_is_centred_on_its_point_and_estimates_are_dashed() {
    use super::chart::band_ends;
    assert_eq!(band_ends(10.0, 10.0), (8.5, 11.5));
    assert_eq!(band_ends(10.0, 12.0), (9.5, 12.5));
    assert_eq!(band_ends(0.0, 50.0), (0.0, 50.0));
    let mut talks = negotiation(vec![
        party("us", "US", Some(((35.0, 100.0), None, 80.0))),
        party("ru", "Russia", Some(((0.0, 45.0), None, 60.0))),
    ]);
    talks.parties[1].data.statements[0].estimated = true;
    let svg = chart_svg(&talks, ChartSize::Full);
    // Only Russia's band, the estimate, is dashed.
    assert_eq!(svg.matches("stroke-dasharray").count(), 1, "{svg}");
    assert!(svg.contains("salience 60 (estimates)</title>"));
}

#[test]
fn numbers_and_text_that_failed_validation_still_make_a_well_formed_figure() {
    let mut talks = negotiation(vec![
        party("us", "US \u{fffe}", Some(((35.0, 100.0), None, 80.0))),
        party("ru", "Russia", Some(((0.0, 45.0), None, 60.0))),
    ]);
    talks.parties[0].data.statements[0].salience = f64::INFINITY;
    if let Some(agenda) = talks.agenda.as_mut() {
        agenda.data.issues[0].scale[0].at = f64::NAN;
    }
    let svg = chart_svg(&talks, ChartSize::Full);
    // The words may say what the file says; no coordinate is anything but a number.
    for bad in ["=\"NaN", "=\"inf", "=\"-inf", "\u{fffe}"] {
        assert!(!svg.contains(bad), "{bad} in {svg}");
    }
    #[cfg(feature = "png")]
    assert!(super::png(&svg, 1.0).is_ok());
}
