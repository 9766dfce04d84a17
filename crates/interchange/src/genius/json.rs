//! GeniusWeb's JSON: a domain (`{"name", "issuesValues"}`) and `LinearAdditiveUtilitySpace`
//! profiles, with both spellings of issue utilities found in public files
//! (`discreteutils`/`numberutils` and `DiscreteValueSetUtilities`/`NumberValueSetUtilities`).
//!
//! serde_json keeps no positions, so what is wrong inside a well-formed file is found again in
//! the text: the first `"key":` after the key that holds it ([`Lines::key`]).

use std::path::{Path, PathBuf};

use serde_json::{Map, Value};

use super::{BidValue, DomainIssue, Lines, Profile, Reservation, Scenario, Utility, Values};
use crate::error::{CellError, Error};
use crate::sheet::Place;

/// A file read as JSON, with its text for finding places in it.
pub(crate) struct JsonFile {
    pub path: PathBuf,
    pub text: String,
    pub value: Value,
}

pub(crate) fn parse(path: &Path, text: String) -> Result<JsonFile, Error> {
    match serde_json::from_str::<Value>(&text) {
        Ok(value) => Ok(JsonFile {
            path: path.to_owned(),
            text,
            value,
        }),
        Err(error) => {
            let line = error.line();
            let column = error.column();
            // serde_json's message ends with " at line L column C"; the place says it once.
            let message = error.to_string();
            let message = message
                .rsplit_once(" at line ")
                .map_or(message.as_str(), |(head, _)| head);
            Err(Error::Cells(vec![CellError::new(
                Place {
                    file: path.to_owned(),
                    sheet: None,
                    row: line,
                    column,
                },
                format!("this is not well-formed JSON: {message}"),
            )]))
        }
    }
}

/// What a GeniusWeb file is, by its content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    Domain,
    Profile,
    Neither,
}

pub(crate) fn role(file: &JsonFile) -> Role {
    match file.value.as_object() {
        Some(object) if object.contains_key("issuesValues") => Role::Domain,
        Some(object) if object.len() == 1 && object.values().all(Value::is_object) => {
            let profile = object.keys().any(|key| {
                key.ends_with("UtilitySpace") || key.ends_with("Ordering") || key == "profile"
            });
            if profile {
                Role::Profile
            } else {
                Role::Neither
            }
        }
        _ => Role::Neither,
    }
}

/// The scenario of a GeniusWeb domain (or, without one, the domain inside the first profile)
/// and its profiles. Errors are gathered, not stopped at.
pub(crate) fn scenario(
    domain: Option<&JsonFile>,
    profiles: &[JsonFile],
    errors: &mut Vec<CellError>,
) -> Option<Scenario> {
    let spaces: Vec<(&JsonFile, Option<&Map<String, Value>>)> = profiles
        .iter()
        .map(|file| (file, utility_space(file, errors)))
        .collect();
    let (domain_file, domain_value, domain_at) = match domain {
        Some(file) => (file, &file.value, 0),
        None => {
            let (file, space) = spaces.iter().find(|(_, space)| space.is_some())?;
            let embedded = space.and_then(|space| space.get("domain"))?;
            (*file, embedded, file.text.find("\"domain\"").unwrap_or(0))
        }
    };
    let lines = Lines::new(&domain_file.path, &domain_file.text);
    let name = domain_value
        .get("name")
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_owned();
    let issues = domain_issues(domain_value, &lines, domain_at, errors);
    let profiles = spaces
        .into_iter()
        .filter_map(|(file, space)| Some(profile(file, space?, &name, &issues, errors)))
        .collect();
    Some(Scenario {
        name,
        format: "GeniusWeb",
        domain_file: domain_file.path.clone(),
        issues,
        profiles,
    })
}

fn utility_space<'a>(
    file: &'a JsonFile,
    errors: &mut Vec<CellError>,
) -> Option<&'a Map<String, Value>> {
    let object = file.value.as_object()?;
    if let Some(space) = object
        .get("LinearAdditiveUtilitySpace")
        .and_then(Value::as_object)
    {
        return Some(space);
    }
    let kind = object.keys().next().map_or("", String::as_str);
    errors.push(CellError::new(
        Lines::new(&file.path, &file.text).key(0, kind),
        format!(
            "a “{kind}” profile: only LinearAdditiveUtilitySpace profiles, weights times issue \
             utilities, can be imported"
        ),
    ));
    None
}

fn domain_issues(
    domain: &Value,
    lines: &Lines<'_>,
    from: usize,
    errors: &mut Vec<CellError>,
) -> Vec<DomainIssue> {
    let holder = lines.offset_of(from, "issuesValues");
    let Some(issues) = domain.get("issuesValues").and_then(Value::as_object) else {
        errors.push(CellError::new(
            lines.place(from),
            "the domain has no “issuesValues” object",
        ));
        return Vec::new();
    };
    let mut found: Vec<(usize, DomainIssue)> = Vec::new();
    for (name, issue) in issues {
        let at = lines.offset_of(holder, name);
        let place = lines.place(at);
        let values = if let Some(values) = issue.get("values").and_then(Value::as_array) {
            Values::Discrete(values.iter().map(value_text).collect())
        } else if let Some(range) = issue.get("range") {
            let bound = |key: &str| range.get(key).and_then(number);
            match (bound("low"), bound("high")) {
                (Some(low), Some(high)) if low < high => Values::Number { low, high },
                _ => {
                    errors.push(CellError::new(
                        place,
                        format!("issue “{name}” has no range with a low below its high"),
                    ));
                    continue;
                }
            }
        } else {
            errors.push(CellError::new(
                place,
                format!("issue “{name}” has neither “values” nor a “range”"),
            ));
            continue;
        };
        if matches!(&values, Values::Discrete(list) if list.is_empty()) {
            errors.push(CellError::new(
                place,
                format!("issue “{name}” lists no values"),
            ));
            continue;
        }
        found.push((
            at,
            DomainIssue {
                name: name.clone(),
                place,
                values,
            },
        ));
    }
    // serde_json's map is sorted by key; the agenda keeps the file's order.
    found.sort_by_key(|(at, _)| *at);
    found.into_iter().map(|(_, issue)| issue).collect()
}

fn value_text(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}

/// A number, or a number written as a string (GeniusWeb writes decimals either way).
fn number(value: &Value) -> Option<f64> {
    match value {
        Value::Number(number) => number.as_f64(),
        Value::String(text) => text.trim().parse().ok(),
        _ => None,
    }
    .filter(|x: &f64| x.is_finite())
}

fn profile(
    file: &JsonFile,
    space: &Map<String, Value>,
    domain_name: &str,
    domain: &[DomainIssue],
    errors: &mut Vec<CellError>,
) -> Profile {
    let lines = Lines::new(&file.path, &file.text);
    let start = lines.offset_of(0, "LinearAdditiveUtilitySpace");
    if let Some(name) = space
        .get("domain")
        .and_then(|d| d.get("name"))
        .and_then(Value::as_str)
        && !domain_name.is_empty()
        && name != domain_name
    {
        errors.push(CellError::new(
            lines.key(start, "domain"),
            format!("the profile is for the domain “{name}”, not “{domain_name}”"),
        ));
    }
    let mut weights = Vec::new();
    let weights_at = lines.offset_of(start, "issueWeights");
    for (issue, weight) in space
        .get("issueWeights")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
    {
        let place = lines.key(weights_at, issue);
        match number(weight) {
            Some(weight) => weights.push((issue.clone(), weight, place)),
            None => errors.push(CellError::new(
                place,
                format!("the weight of “{issue}” is not a number"),
            )),
        }
    }
    let utilities_at = lines.offset_of(start, "issueUtilities");
    let mut utilities = Vec::new();
    for (issue, utility) in space
        .get("issueUtilities")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
    {
        let at = lines.offset_of(utilities_at, issue);
        let place = lines.place(at);
        let Some(known) = domain.iter().find(|known| &known.name == issue) else {
            errors.push(CellError::new(
                place,
                format!("issue “{issue}” is not in the domain"),
            ));
            continue;
        };
        if let Some(utility) = issue_utility(utility, known, &lines, at, errors) {
            utilities.push((issue.clone(), place, utility));
        }
    }
    let reservation = match space.get("reservationBid") {
        Some(Value::Object(bid)) => {
            let values = bid
                .get("issuevalues")
                .and_then(Value::as_object)
                .into_iter()
                .flatten()
                .map(|(issue, value)| {
                    let value = match value {
                        Value::String(text) => BidValue::Text(text.clone()),
                        other => number(other)
                            .map_or_else(|| BidValue::Text(other.to_string()), BidValue::Number),
                    };
                    (issue.clone(), value)
                })
                .collect();
            Reservation::Bid(values, lines.key(start, "reservationBid"))
        }
        _ => Reservation::None,
    };
    let name = space
        .get("name")
        .and_then(Value::as_str)
        .map(str::to_owned)
        .or_else(|| {
            file.path
                .file_stem()
                .map(|stem| stem.to_string_lossy().into_owned())
        })
        .unwrap_or_default();
    Profile {
        name,
        file: file.path.clone(),
        place: lines.place(start),
        weights,
        utilities,
        reservation,
        discount: None,
    }
}

fn issue_utility(
    utility: &Value,
    known: &DomainIssue,
    lines: &Lines<'_>,
    at: usize,
    errors: &mut Vec<CellError>,
) -> Option<Utility> {
    let spelled = |names: &[&str]| names.iter().find_map(|name| utility.get(*name));
    if let Some(discrete) = spelled(&["DiscreteValueSetUtilities", "discreteutils"]) {
        let Some(values) = discrete.get("valueUtilities").and_then(Value::as_object) else {
            errors.push(CellError::new(
                lines.place(at),
                format!("the utilities of “{}” have no “valueUtilities”", known.name),
            ));
            return None;
        };
        let values_at = lines.offset_of(at, "valueUtilities");
        let mut found = Vec::new();
        for (value, utility) in values {
            let place = lines.key(values_at, value);
            match number(utility) {
                Some(utility) => found.push((value.clone(), utility, place)),
                None => errors.push(CellError::new(
                    place,
                    format!("the utility of “{value}” is not a number"),
                )),
            }
        }
        return Some(Utility::Discrete(found));
    }
    if let Some(linear) = spelled(&["NumberValueSetUtilities", "numberutils"]) {
        let field = |key: &str, errors: &mut Vec<CellError>| {
            let value = linear.get(key).and_then(number);
            if value.is_none() {
                errors.push(CellError::new(
                    lines.place(at),
                    format!("the utilities of “{}” have no number “{key}”", known.name),
                ));
            }
            value
        };
        let low = field("lowValue", errors);
        let low_utility = field("lowUtility", errors);
        let high = field("highValue", errors);
        let high_utility = field("highUtility", errors);
        return Some(Utility::Linear {
            low: low?,
            low_utility: low_utility?,
            high: high?,
            high_utility: high_utility?,
        });
    }
    errors.push(CellError::new(
        lines.place(at),
        format!(
            "the utilities of “{}” are neither DiscreteValueSetUtilities (discreteutils) nor \
             NumberValueSetUtilities (numberutils)",
            known.name
        ),
    ));
    None
}
