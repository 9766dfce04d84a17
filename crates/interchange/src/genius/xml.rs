//! GENIUS's XML: a domain (`<negotiation_template>`, or a `<utility_space>` without weights)
//! and one profile (`<utility_space>` with `<weight>`s) per party, read through quick-xml into
//! a small tree that remembers where each element starts, then into a [`Scenario`].

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use quick_xml::XmlVersion;
use quick_xml::events::{BytesStart, Event};
use quick_xml::reader::Reader;

use super::{DomainIssue, Lines, Profile, Reservation, Scenario, Utility, Values};
use crate::error::{CellError, Error};
use crate::sheet::Place;

/// One element: its name, attributes in order, children, and where its `<` is.
pub(crate) struct Element {
    pub name: String,
    pub attributes: Vec<(String, String)>,
    pub children: Vec<Element>,
    pub place: Place,
}

impl Element {
    fn attribute(&self, key: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|(name, _)| name == key)
            .map(|(_, value)| value.as_str())
    }

    /// Every element below this one called `name`, in document order.
    fn descendants<'a>(&'a self, name: &str, found: &mut Vec<&'a Element>) {
        for child in &self.children {
            if child.name == name {
                found.push(child);
            }
            child.descendants(name, found);
        }
    }

    fn all(&self, name: &str) -> Vec<&Element> {
        let mut found = Vec::new();
        self.descendants(name, &mut found);
        found
    }
}

/// Reads `text` as one XML element tree; a syntax error is named by line and column.
pub(crate) fn parse(path: &Path, text: &str) -> Result<Element, Error> {
    let lines = Lines::new(path, text);
    let mut reader = Reader::from_str(text);
    reader.config_mut().trim_text(true);
    let mut open: Vec<Element> = Vec::new();
    let mut root: Option<Element> = None;
    loop {
        let before = usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX);
        // The element's `<`: the event starts after any whitespace the reader skipped.
        let start = text
            .get(before..)
            .and_then(|rest| rest.find('<'))
            .map_or(before, |offset| before + offset);
        let event = reader.read_event().map_err(|error| {
            let at = usize::try_from(reader.error_position()).unwrap_or(before);
            Error::Cells(vec![CellError::new(
                lines.place(at),
                format!("this is not well-formed XML: {error}"),
            )])
        })?;
        match event {
            Event::Start(tag) => open.push(element(&tag, lines.place(start))?),
            Event::Empty(tag) => {
                let done = element(&tag, lines.place(start))?;
                attach(done, &mut open, &mut root, &lines, start)?;
            }
            Event::End(_) => {
                if let Some(done) = open.pop() {
                    attach(done, &mut open, &mut root, &lines, start)?;
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if let Some(unclosed) = open.last() {
        return Err(Error::Cells(vec![CellError::new(
            unclosed.place.clone(),
            format!(
                "the file ends before <{}>, opened here, is closed",
                unclosed.name
            ),
        )]));
    }
    root.ok_or_else(|| Error::Unreadable {
        path: path.to_owned(),
        message: "the file holds no XML element".to_owned(),
    })
}

fn element(tag: &BytesStart<'_>, place: Place) -> Result<Element, Error> {
    let name = tag.name().as_ref().to_owned();
    let mut attributes = Vec::new();
    for attribute in tag.attributes() {
        let bad = |error: String| {
            Error::Cells(vec![CellError::new(
                place.clone(),
                format!("an attribute of <{name}> cannot be read: {error}"),
            )])
        };
        let attribute = attribute.map_err(|error| bad(error.to_string()))?;
        let value = attribute
            .normalized_value(XmlVersion::Implicit1_0)
            .map_err(|error| bad(error.to_string()))?;
        attributes.push((attribute.key.as_ref().to_owned(), value.into_owned()));
    }
    Ok(Element {
        name,
        attributes,
        children: Vec::new(),
        place,
    })
}

fn attach(
    done: Element,
    open: &mut [Element],
    root: &mut Option<Element>,
    lines: &Lines<'_>,
    at: usize,
) -> Result<(), Error> {
    if let Some(parent) = open.last_mut() {
        parent.children.push(done);
    } else if root.is_none() {
        *root = Some(done);
    } else {
        return Err(Error::Cells(vec![CellError::new(
            lines.place(at),
            "a second top-level element: an XML file has one".to_owned(),
        )]));
    }
    Ok(())
}

/// What a GENIUS file is, by its content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    Domain,
    Profile,
    Neither,
}

pub(crate) fn role(root: &Element) -> Role {
    let has = |name: &str| !root.all(name).is_empty() || root.name == name;
    if root.name == "negotiation_template" {
        Role::Domain
    } else if root.name != "utility_space" || !has("objective") {
        Role::Neither
    } else if has("weight") || has("evaluator") || has("utility") {
        Role::Profile
    } else {
        Role::Domain
    }
}

/// The scenario of a GENIUS domain and its profiles. Errors are gathered, not stopped at.
pub(crate) fn scenario(
    domain: (&Path, &Element),
    profiles: &[(PathBuf, Element)],
    errors: &mut Vec<CellError>,
) -> Scenario {
    let (domain_path, domain_root) = domain;
    let issues = domain_root
        .all("issue")
        .into_iter()
        .filter_map(|issue| domain_issue(issue, errors))
        .collect::<Vec<_>>();
    let name = domain_path
        .file_stem()
        .map_or_else(String::new, |stem| stem.to_string_lossy().into_owned());
    Scenario {
        name,
        format: "GENIUS",
        domain_file: domain_path.to_owned(),
        profiles: profiles
            .iter()
            .map(|(path, root)| profile(path, root, &issues, errors))
            .collect(),
        issues,
    }
}

fn number(element: &Element, key: &str, errors: &mut Vec<CellError>) -> Option<f64> {
    let text = element.attribute(key)?;
    let parsed = text.trim().parse::<f64>().ok().filter(|x| x.is_finite());
    if parsed.is_none() {
        errors.push(CellError::new(
            element.place.clone(),
            format!("{key}=“{text}” of <{}> is not a number", element.name),
        ));
    }
    parsed
}

fn required(element: &Element, key: &str, errors: &mut Vec<CellError>) -> Option<f64> {
    if element.attribute(key).is_none() {
        errors.push(CellError::new(
            element.place.clone(),
            format!("<{}> has no {key} attribute", element.name),
        ));
        return None;
    }
    number(element, key, errors)
}

fn issue_type(issue: &Element) -> &str {
    ["type", "etype", "vtype"]
        .iter()
        .find_map(|key| issue.attribute(key))
        .unwrap_or("discrete")
}

/// An integer issue's bounds: attributes of the issue, or of a `<range>` inside it.
fn bounds(issue: &Element, errors: &mut Vec<CellError>) -> Option<(f64, f64)> {
    let holder = if issue.attribute("lowerbound").is_some() {
        issue
    } else {
        issue
            .children
            .iter()
            .find(|child| child.name == "range")
            .unwrap_or(issue)
    };
    let low = required(holder, "lowerbound", errors)?;
    let high = required(holder, "upperbound", errors)?;
    if low >= high {
        errors.push(CellError::new(
            holder.place.clone(),
            format!("the lowerbound {low} is not below the upperbound {high}"),
        ));
        return None;
    }
    Some((low, high))
}

fn domain_issue(issue: &Element, errors: &mut Vec<CellError>) -> Option<DomainIssue> {
    let Some(name) = issue.attribute("name") else {
        errors.push(CellError::new(
            issue.place.clone(),
            "<issue> has no name attribute",
        ));
        return None;
    };
    let values = match issue_type(issue) {
        "discrete" => Values::Discrete(
            issue
                .children
                .iter()
                .filter(|child| child.name == "item")
                .filter_map(|item| item.attribute("value").map(str::to_owned))
                .collect(),
        ),
        "integer" => {
            let (low, high) = bounds(issue, errors)?;
            Values::Number { low, high }
        }
        other => {
            errors.push(CellError::new(
                issue.place.clone(),
                format!(
                    "issue “{name}” is of type “{other}”; only discrete and integer issues can \
                     be imported"
                ),
            ));
            return None;
        }
    };
    if let Values::Discrete(items) = &values
        && items.is_empty()
    {
        errors.push(CellError::new(
            issue.place.clone(),
            format!("discrete issue “{name}” lists no <item value=…>"),
        ));
        return None;
    }
    Some(DomainIssue {
        name: name.to_owned(),
        place: issue.place.clone(),
        values,
    })
}

fn profile(
    path: &Path,
    root: &Element,
    domain: &[DomainIssue],
    errors: &mut Vec<CellError>,
) -> Profile {
    if let Some(nonlinear) = root.all("utility").first() {
        errors.push(CellError::new(
            nonlinear.place.clone(),
            "a nonlinear utility space (<utility> of hyperrectangles): only linear additive \
             profiles, weights times issue utilities, can be imported",
        ));
    }
    let mut by_index: HashMap<String, String> = HashMap::new();
    let mut utilities = Vec::new();
    for issue in root.all("issue") {
        let Some(name) = issue.attribute("name") else {
            errors.push(CellError::new(
                issue.place.clone(),
                "<issue> has no name attribute",
            ));
            continue;
        };
        if let Some(index) = issue.attribute("index") {
            by_index.insert(index.to_owned(), name.to_owned());
        }
        let Some(known) = domain.iter().find(|known| known.name == name) else {
            errors.push(CellError::new(
                issue.place.clone(),
                format!("issue “{name}” is not in the domain file"),
            ));
            continue;
        };
        if let Some(utility) = utility(issue, known, errors) {
            utilities.push((name.to_owned(), issue.place.clone(), utility));
        }
    }
    let mut weights = Vec::new();
    for weight in root.all("weight") {
        let index = weight.attribute("index").unwrap_or("");
        let Some(issue) = by_index.get(index) else {
            errors.push(CellError::new(
                weight.place.clone(),
                format!("<weight index=“{index}”> names no issue of this profile"),
            ));
            continue;
        };
        if let Some(value) = required(weight, "value", errors) {
            weights.push((issue.clone(), value, weight.place.clone()));
        }
    }
    let first_value = |name: &str, errors: &mut Vec<CellError>| {
        root.all(name)
            .first()
            .and_then(|element| required(element, "value", errors))
    };
    let reservation = match first_value("reservation", errors) {
        Some(value) => Reservation::Value(value),
        None => Reservation::None,
    };
    Profile {
        name: path
            .file_stem()
            .map_or_else(String::new, |stem| stem.to_string_lossy().into_owned()),
        file: path.to_owned(),
        place: root.place.clone(),
        weights,
        utilities,
        reservation,
        discount: first_value("discount_factor", errors),
    }
}

/// An issue's utilities as GENIUS computes them: an item's evaluation over the issue's largest;
/// on an integer issue, slope × (x − lowerbound) + offset.
fn utility(issue: &Element, known: &DomainIssue, errors: &mut Vec<CellError>) -> Option<Utility> {
    match &known.values {
        Values::Discrete(_) => {
            let mut items = Vec::new();
            for item in issue.children.iter().filter(|child| child.name == "item") {
                let value = item.attribute("value").unwrap_or("").to_owned();
                let evaluation = required(item, "evaluation", errors)?;
                items.push((value, evaluation, item.place.clone()));
            }
            let largest = items
                .iter()
                .map(|(_, evaluation, _)| *evaluation)
                .fold(f64::NEG_INFINITY, f64::max);
            if largest <= 0.0 {
                errors.push(CellError::new(
                    issue.place.clone(),
                    format!(
                        "no item of issue “{}” has an evaluation above 0, so GENIUS's utilities \
                         (an evaluation over the largest) are undefined",
                        known.name
                    ),
                ));
                return None;
            }
            Some(Utility::Discrete(
                items
                    .into_iter()
                    .map(|(value, evaluation, place)| (value, evaluation / largest, place))
                    .collect(),
            ))
        }
        Values::Number { low, high } => {
            let Some(evaluator) = issue.children.iter().find(|c| c.name == "evaluator") else {
                errors.push(CellError::new(
                    issue.place.clone(),
                    format!("integer issue “{}” has no <evaluator>", known.name),
                ));
                return None;
            };
            if evaluator.attribute("ftype").is_some_and(|f| f != "linear") {
                errors.push(CellError::new(
                    evaluator.place.clone(),
                    "only linear evaluators (ftype=“linear”) can be imported",
                ));
                return None;
            }
            let (low, high) = if issue.attribute("lowerbound").is_some() {
                bounds(issue, errors)?
            } else {
                (*low, *high)
            };
            let slope = required(evaluator, "slope", errors)?;
            let offset = required(evaluator, "offset", errors)?;
            Some(Utility::Linear {
                low,
                low_utility: offset,
                high,
                high_utility: slope * (high - low) + offset,
            })
        }
    }
}
