//! The comparison as a self-contained HTML brief: one file that opens offline in any browser
//! and prints on A4 or Letter. The summary, the matrix, the collisions and conditional offers,
//! then each issue with its chart (inline SVG) beside its finding and every quote cited.
//! Nothing is fetched and no script runs.

use std::fmt;

use super::changes::write_html_section;
use super::predicted::{TRADES_IN_BRIEF, TRADES_PREAMBLE};
use super::{
    Changes, Collided, References, STATUSES_IN_REPORT_ORDER, View, Written, statement_facts,
    zone_or_gap,
};
use crate::analysis::{Analysis, IssueAnalysis, Status, strongest};
use crate::figure::chart;
use crate::figure::issue_page::inline_chart;
use crate::figure::page::meta_line;
use crate::figure::palette::{Palette, Theme};
use crate::figure::svg::escape;
use crate::model::Kind;
use crate::negotiation::Negotiation;

pub fn html(negotiation: &Negotiation, analysis: &Analysis, theme: Theme) -> String {
    html_brief(negotiation, analysis, None, theme)
}

/// The HTML brief, with a "What changed" section when `changes` are given.
pub fn html_brief(
    negotiation: &Negotiation,
    analysis: &Analysis,
    changes: Option<Changes<'_>>,
    theme: Theme,
) -> String {
    let view = View {
        negotiation,
        analysis,
        changes,
    };
    Written(|out: &mut fmt::Formatter<'_>| write_html(&view, theme, out)).to_string()
}

/// Text from a file, or made from it, safe inside HTML.
struct Escaped<'a>(&'a str);

impl fmt::Display for Escaped<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&escape(self.0))
    }
}

fn write_html(view: &View<'_>, theme: Theme, out: &mut impl fmt::Write) -> fmt::Result {
    let name = view.negotiation.name();
    writeln!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"Common Ground\">\n\
         <title>Common ground: {}</title>\n<style>\n{}</style>\n</head>\n<body>",
        Escaped(&name),
        style(Palette::of(theme))
    )?;
    header(view, out)?;
    summary(view, out)?;
    if let Some(changes) = view.changes {
        write_html_section(changes, out)?;
    }
    matrix(view, out)?;
    collisions_and_offers(view, out)?;
    trades(view, out)?;
    blocs(view, out)?;
    let mut references = References::default();
    let mut figure = 0;
    for status in STATUSES_IN_REPORT_ORDER {
        let issues = view.issues_with(status);
        if issues.is_empty() {
            continue;
        }
        writeln!(out, "<section>\n<h2>{}</h2>", Escaped(&heading(status)))?;
        for issue in issues {
            figure += 1;
            issue_article(view, issue, theme, figure, &mut references, out)?;
        }
        writeln!(out, "</section>")?;
    }
    if !references.cited.is_empty() {
        writeln!(out, "<section id=\"sources\">\n<h2>Sources</h2>\n<ol>")?;
        for (i, reference) in references.cited.iter().enumerate() {
            writeln!(
                out,
                "<li id=\"source-{}\">{}</li>",
                i + 1,
                Escaped(reference)
            )?;
        }
        writeln!(out, "</ol>\n</section>")?;
    }
    writeln!(
        out,
        "<footer>Drawn by Common Ground from the analyst's position files.</footer>\n</body>\n</html>"
    )
}

fn heading(status: Status) -> String {
    let label = status.label();
    let mut chars = label.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

fn header(view: &View<'_>, out: &mut impl fmt::Write) -> fmt::Result {
    writeln!(
        out,
        "<header>\n<h1>Common ground: {}</h1>",
        Escaped(&view.negotiation.name())
    )?;
    writeln!(
        out,
        "<p class=\"meta\">{}.</p>",
        Escaped(&meta_line(view.negotiation, view.analysis))
    )?;
    for line in view.left_out_lines() {
        writeln!(
            out,
            "<p class=\"left-out\"><strong>Left out:</strong> {}</p>",
            Escaped(&line)
        )?;
    }
    for line in view.counted_twice_lines() {
        writeln!(
            out,
            "<p class=\"left-out\"><strong>Counted twice:</strong> {}.</p>",
            Escaped(&line)
        )?;
    }
    for &party in &view.analysis.parties {
        if let Some(file) = view.negotiation.party(party)
            && !file.party.notes.trim().is_empty()
        {
            writeln!(
                out,
                "<p><em>Analyst's note on {}:</em> {}</p>",
                Escaped(&file.party.short_name),
                Escaped(&file.party.notes)
            )?;
        }
    }
    writeln!(
        out,
        "<p>Each issue is scored on a 0–100 scale whose ends are named under its chart. Ranges, \
         stances and salience marked <em>est.</em> are the analyst's estimates, not numbers the \
         parties stated.</p>\n</header>"
    )
}

fn summary(view: &View<'_>, out: &mut impl fmt::Write) -> fmt::Result {
    writeln!(
        out,
        "<section>\n<h2>Summary</h2>\n<table class=\"summary\">\n<thead><tr><th>Issue</th>\
         <th>Status</th><th>Zone or gap</th><th>Predicted (mean / median)</th><th>Silent</th></tr>\
         </thead>\n<tbody>"
    )?;
    for issue in &view.analysis.issues {
        let (status, silent) = (view.summary_status(issue), view.silent_text(issue));
        writeln!(
            out,
            "<tr><td><a href=\"#issue-{}\">{}</a></td><td class=\"status-{}\">{}</td>\
             <td>{}</td><td>{}</td><td>{}</td></tr>",
            Escaped(&issue.issue),
            Escaped(view.title(&issue.issue)),
            issue.status.id(),
            Escaped(&status),
            Escaped(&zone_or_gap(issue)),
            Escaped(&View::prediction_cell(issue)),
            Escaped(&silent)
        )?;
    }
    writeln!(
        out,
        "</tbody>\n</table>\n<p class=\"weak\">Predicted outcomes are model estimates: the \
         capability × salience weighted mean (DECIDE's Nash bargaining solution) and weighted \
         median (Bueno de Mesquita's median voter) of the positions of the parties placed on \
         each issue.</p>\n</section>"
    )
}

/// The best trades, capped, each naming both issues.
fn trades(view: &View<'_>, out: &mut impl fmt::Write) -> fmt::Result {
    let trades = &view.analysis.trades;
    writeln!(out, "<section>\n<h2>Trades</h2>")?;
    if trades.is_empty() {
        return writeln!(
            out,
            "<p class=\"weak\">None: no two parties stand on opposite sides of the expected \
             outcome on two issues they care about in different proportions.</p>\n</section>"
        );
    }
    writeln!(out, "<p>{}.</p>\n<ol>", Escaped(TRADES_PREAMBLE))?;
    for trade in trades.iter().take(TRADES_IN_BRIEF) {
        writeln!(out, "<li>{}</li>", Escaped(&view.trade_words(trade)))?;
    }
    writeln!(out, "</ol>")?;
    if trades.len() > TRADES_IN_BRIEF {
        writeln!(
            out,
            "<p class=\"weak\">… and {} more (<code>common-ground compare --trades</code> lists \
             them all).</p>",
            trades.len() - TRADES_IN_BRIEF
        )?;
    }
    writeln!(out, "</section>")
}

/// Every declared bloc, its members, and how they stand apart issue by issue.
fn blocs(view: &View<'_>, out: &mut impl fmt::Write) -> fmt::Result {
    let blocs = view.bloc_words();
    if blocs.is_empty() {
        return Ok(());
    }
    writeln!(
        out,
        "<section id=\"blocs\">\n<h2>Blocs</h2>\n<p>Each member's position is its stance, or the \
         middle of its acceptable range; a member breaks ranks when its range misses the \
         bloc's own.</p>"
    )?;
    for bloc in blocs {
        writeln!(out, "<h3>{}</h3>\n<ul>", Escaped(&bloc.heading))?;
        for line in &bloc.issues {
            writeln!(out, "<li>{}</li>", Escaped(line))?;
        }
        if bloc.issues.is_empty() {
            writeln!(
                out,
                "<li class=\"weak\">No member is placed on any issue.</li>"
            )?;
        }
        writeln!(out, "</ul>")?;
    }
    writeln!(out, "</section>")
}

/// Issues × parties as a table, each cell the party's hardest statement in its kind's colour
/// and words.
fn matrix(view: &View<'_>, out: &mut impl fmt::Write) -> fmt::Result {
    writeln!(
        out,
        "<section class=\"matrix\">\n<h2>Issues × parties</h2>\n<p>Each cell shows the party's \
         hardest statement on the issue, from red line to offer; +N counts its other statements \
         there.</p>\n<table>\n<thead><tr><th>Issue</th><th>Status</th>"
    )?;
    for &party in &view.analysis.parties {
        write!(out, "<th>{}</th>", Escaped(view.party_name(party)))?;
    }
    writeln!(out, "</tr></thead>\n<tbody>")?;
    for issue in &view.analysis.issues {
        write!(
            out,
            "<tr><td>{}</td><td class=\"status-{}\">{}</td>",
            Escaped(view.title(&issue.issue)),
            issue.status.id(),
            Escaped(&chart::status_words(issue))
        )?;
        for &party in &view.analysis.parties {
            write_cell(view, issue, party, out)?;
        }
        writeln!(out, "</tr>")?;
    }
    writeln!(out, "</tbody>\n</table>\n</section>")
}

fn write_cell(
    view: &View<'_>,
    issue: &IssueAnalysis,
    party: usize,
    out: &mut impl fmt::Write,
) -> fmt::Result {
    let stand = issue.stands.iter().find(|stand| stand.party == party);
    let statements = view
        .negotiation
        .party(party)
        .map_or(&[][..], |file| file.statements.as_slice());
    let hardest = stand
        .and_then(|stand| strongest(statements, &stand.statements))
        .and_then(|index| statements.get(index));
    match (stand, hardest) {
        (Some(stand), Some(statement)) => {
            let more = match stand.statements.len() {
                0 | 1 => String::new(),
                n => format!(" +{}", n - 1),
            };
            write!(
                out,
                "<td><span class=\"tag kind-{}\">{}{more}</span></td>",
                kind_class(statement.kind),
                statement.kind.label().to_uppercase()
            )
        }
        _ if issue.no_stake.contains(&party) => write!(out, "<td class=\"weak\">no stake</td>"),
        _ => write!(out, "<td class=\"weak\">silent</td>"),
    }
}

/// "Russia's demand “…” falls in the area NATO's red line “…” rejects."
fn collision_sentence(collision: &Collided<'_>) -> String {
    format!(
        "{}'s demand “{}” falls in the area {}'s red line “{}” rejects.",
        collision.demander,
        collision.demand.summary,
        collision.rejecter,
        collision.red_line.summary
    )
}

fn kind_class(kind: Kind) -> String {
    kind.label().replace(' ', "-")
}

fn collisions_and_offers(view: &View<'_>, out: &mut impl fmt::Write) -> fmt::Result {
    let mut collisions = Vec::new();
    let mut offers = Vec::new();
    for issue in &view.analysis.issues {
        let link = format!(
            "<a href=\"#issue-{}\">{}</a>",
            Escaped(&issue.issue),
            Escaped(view.title(&issue.issue))
        );
        for collision in view.collisions(issue) {
            collisions.push(format!(
                "{link}: {}",
                Escaped(&collision_sentence(&collision))
            ));
        }
        for (offer, statement, conditions) in view.offers_with_conditions(issue) {
            offers.push(format!(
                "{link}: {} offers “{}”, on condition: {}.",
                Escaped(view.party_name(offer.party)),
                Escaped(&statement.summary),
                Escaped(&view.conditions_text(&conditions, true))
            ));
        }
    }
    for (title, items) in [("Collisions", collisions), ("Conditional offers", offers)] {
        writeln!(out, "<section>\n<h2>{title}</h2>")?;
        if items.is_empty() {
            writeln!(
                out,
                "<p class=\"weak\">None among the parties compared.</p>"
            )?;
        } else {
            writeln!(out, "<ul>")?;
            for item in items {
                writeln!(out, "<li>{item}</li>")?;
            }
            writeln!(out, "</ul>")?;
        }
        writeln!(out, "</section>")?;
    }
    Ok(())
}

fn issue_article<'a>(
    view: &View<'a>,
    issue: &IssueAnalysis,
    theme: Theme,
    figure: usize,
    references: &mut References<'a>,
    out: &mut impl fmt::Write,
) -> fmt::Result {
    let title = view.title(&issue.issue);
    writeln!(
        out,
        "<article class=\"issue\" id=\"issue-{}\">\n<h3>{}</h3>\n<div class=\"finding-row\">\n\
         <figure class=\"chart\">\n<figcaption>Figure {figure}: {}</figcaption>\n{}</figure>\n\
         <div class=\"finding\">",
        Escaped(&issue.issue),
        Escaped(title),
        Escaped(title),
        inline_chart(view.negotiation, view.analysis, issue, theme, figure)
    )?;
    writeln!(
        out,
        "<p><strong class=\"status-{}\">{}</strong>: {}.</p>",
        issue.status.id(),
        Escaped(issue.status.label()),
        Escaped(&zone_or_gap(issue))
    )?;
    if issue.status == Status::Untested {
        writeln!(
            out,
            "<p>Not an agreement yet: it waits on {}.</p>",
            Escaped(&view.awaited_text(issue))
        )?;
    }
    if let Some(prediction) = &issue.prediction {
        writeln!(
            out,
            "<p class=\"prediction\"><strong>Predicted:</strong> {}. {}; {}.</p>",
            Escaped(&View::prediction_summary(prediction)),
            Escaped(&view.prediction_basis(issue, prediction)),
            Escaped(&view.prediction_sensitivity(prediction))
        )?;
        for warning in view.prediction_warnings(prediction) {
            writeln!(
                out,
                "<p class=\"left-out\"><strong>Warning:</strong> {}.</p>",
                Escaped(&warning)
            )?;
        }
    }
    if let Some(notes) = view
        .agenda_issue(&issue.issue)
        .map(|agenda_issue| agenda_issue.notes.trim())
        .filter(|notes| !notes.is_empty())
    {
        writeln!(out, "<p><em>Analyst's note:</em> {}</p>", Escaped(notes))?;
    }
    finding_details(view, issue, out)?;
    writeln!(out, "</div>\n</div>")?;
    statements(view, issue, references, out)?;
    writeln!(out, "</article>")
}

/// Who holds a gap open, the collisions, the conditional offers, the silent and unconcerned.
fn finding_details(
    view: &View<'_>,
    issue: &IssueAnalysis,
    out: &mut impl fmt::Write,
) -> fmt::Result {
    if let Some(gap) = &issue.gap {
        for (label, names) in view.held_by(gap) {
            writeln!(out, "<p>{label}: {}.</p>", Escaped(&names))?;
        }
    }
    for collision in view.collisions(issue) {
        writeln!(
            out,
            "<p class=\"status-deadlock\">Collision: {}</p>",
            Escaped(&collision_sentence(&collision))
        )?;
    }
    for (offer, statement, conditions) in view.offers_with_conditions(issue) {
        writeln!(
            out,
            "<p>Conditional offer from {}: “{}”, on condition: {}.</p>",
            Escaped(view.party_name(offer.party)),
            Escaped(&statement.summary),
            Escaped(&view.conditions_text(&conditions, false))
        )?;
    }
    if !issue.silent.is_empty() && issue.status != Status::Untested {
        writeln!(
            out,
            "<p>Silent: {}.</p>",
            Escaped(&view.names(&issue.silent))
        )?;
    }
    if !issue.no_stake.is_empty() {
        writeln!(
            out,
            "<p>No stake: {}.</p>",
            Escaped(&view.names(&issue.no_stake))
        )?;
    }
    Ok(())
}

/// Every statement on the issue with its quotes, each cited by number.
fn statements<'a>(
    view: &View<'a>,
    issue: &IssueAnalysis,
    references: &mut References<'a>,
    out: &mut impl fmt::Write,
) -> fmt::Result {
    writeln!(out, "<ul class=\"statements\">")?;
    for (party, statement) in view.statements_on(issue) {
        writeln!(
            out,
            "<li><strong>{}</strong>: {} <span class=\"weak\">({})</span>",
            Escaped(view.party_name(party)),
            Escaped(&statement.summary),
            Escaped(&statement_facts(statement))
        )?;
        for source in &statement.sources {
            let number = references.number(&source.reference);
            writeln!(
                out,
                "<blockquote>“{}”<br><span class=\"weak\">— {}, {} \
                     <a href=\"#source-{number}\">[{number}]</a></span></blockquote>",
                Escaped(&source.quote),
                Escaped(&source.speaker),
                Escaped(&source.date)
            )?;
        }
        if !statement.notes.trim().is_empty() {
            writeln!(
                out,
                "<p><em>Analyst's note:</em> {}</p>",
                Escaped(&statement.notes)
            )?;
        }
        writeln!(out, "</li>")?;
    }
    writeln!(out, "</ul>")
}

/// The brief's style sheet in the chosen theme's colours: a reading column on screen, the
/// whole page in print, and no chart, table row or quote broken across pages.
fn style(palette: Palette) -> String {
    let mut css = format!(
        "body {{ background: {bg}; color: {text}; font: 15px/1.5 'DejaVu Sans', Verdana, \
         sans-serif; max-width: 62em; margin: 2em auto; padding: 0 1.5em; \
         print-color-adjust: exact; -webkit-print-color-adjust: exact; }}\n\
         h1 {{ font-size: 1.6em; margin-bottom: 0.2em; }}\n\
         h2 {{ font-size: 1.3em; border-bottom: 1px solid {rule}; margin-top: 1.6em; \
         break-after: avoid; }}\n\
         h3 {{ font-size: 1.1em; margin: 1.2em 0 0.4em; break-after: avoid; }}\n\
         a {{ color: inherit; }}\n\
         .weak, .meta {{ color: {weak}; }}\n\
         .left-out {{ border-left: 4px solid {deadlock}; padding-left: 0.6em; }}\n\
         table {{ border-collapse: collapse; width: 100%; font-size: 0.9em; }}\n\
         th, td {{ text-align: left; vertical-align: top; padding: 0.3em 0.5em; \
         border-bottom: 1px solid {rule}; }}\n\
         tr, blockquote, figure, .finding-row {{ break-inside: avoid; page-break-inside: avoid; }}\n\
         .finding-row {{ display: flex; flex-wrap: wrap; gap: 0 1.4em; align-items: flex-start; }}\n\
         figure.chart {{ flex: 1 1 26em; max-width: 36em; margin: 0 0 0.8em; }}\n\
         figure.chart figcaption {{ font-size: 0.85em; color: {weak}; margin-bottom: 0.2em; }}\n\
         figure.chart svg {{ display: block; width: 100%; height: auto; }}\n\
         .finding {{ flex: 1 1 16em; }}\n\
         .finding p {{ margin: 0 0 0.5em; }}\n\
         ul.statements {{ padding-left: 1.2em; }}\n\
         ul.statements li {{ margin-bottom: 0.5em; }}\n\
         blockquote {{ margin: 0.3em 0 0.3em 0.8em; padding-left: 0.7em; \
         border-left: 3px solid {rule}; }}\n\
         .tag {{ display: inline-block; padding: 0.1em 0.45em; border-radius: 3px; \
         font-weight: bold; font-size: 0.85em; border: 1px solid; white-space: nowrap; }}\n\
         footer {{ margin-top: 2em; color: {weak}; font-size: 0.85em; }}\n\
         @page {{ margin: 15mm 14mm; }}\n\
         @media print {{ body {{ max-width: none; margin: 0; padding: 0; font-size: 10pt; }} \
         a {{ text-decoration: none; }} }}\n",
        bg = palette.background,
        text = palette.text,
        weak = palette.weak,
        rule = palette.rule,
        deadlock = palette.status(Status::Deadlock),
    );
    for status in STATUSES_IN_REPORT_ORDER {
        css.push_str(&format!(
            ".status-{} {{ color: {}; }}\n",
            status.id(),
            palette.status(status)
        ));
    }
    for kind in Kind::ALL {
        let colour = palette.kind(kind);
        css.push_str(&format!(
            ".kind-{} {{ color: {colour}; background: {}; border-color: {colour}; }}\n",
            kind_class(kind),
            palette.wash(colour)
        ));
    }
    css
}
