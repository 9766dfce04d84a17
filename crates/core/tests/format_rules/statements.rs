//! Party files: each statement, its conditions, sources and rounds. The rows of docs/format.md section 6 in order.

use super::{Case, Change};

pub(crate) const CASES: &[Case] = &[
    Case {
        row: "A statement `id` is empty or not kebab-case",
        changes: &[Change::Replace {
            file: "west.ron",
            from: r##"id: "door","##,
            to: r##"id: "","##,
        }],
        expect: &["west.ron:12:13 error statements[0].id: the statement has no id"],
    },
    Case {
        row: "A statement `id` is empty or not kebab-case",
        changes: &[Change::Replace {
            file: "west.ron",
            from: r##"id: "door","##,
            to: r##"id: "Door","##,
        }],
        expect: &[
            "west.ron:12:13 error statements[0].id: statement id `Door` must be kebab-case: lower-case letters, digits and hyphens",
        ],
    },
    Case {
        row: "A statement `id` is used twice in the file",
        changes: &[Change::Replace {
            file: "west.ron",
            from: r##"    ],
)
"##,
            to: r##"        (id: "door", issue: "membership", kind: Concern, summary: "Worried", salience: 40, firmness: Firm, estimated: true,
            sources: [(quote: "We worry", speaker: "West's envoy", date: "2022-01-26", reference: "Fictional Times")]),
    ],
)
"##,
        }],
        expect: &[
            "west.ron:24:10 error statements[1].id: statement id `door` is used twice in this file",
        ],
    },
    Case {
        row: "A statement's `issue` is not in the agenda (a close match is suggested; checked only when an agenda is loaded)",
        changes: &[Change::Replace {
            file: "west.ron",
            from: r##"issue: "membership","##,
            to: r##"issue: "membrship","##,
        }],
        expect: &[
            "west.ron:13:13 error statements[0].issue: unknown issue id `membrship`: it is not in the agenda; did you mean `membership`?",
        ],
    },
    Case {
        row: "A statement's `issue` is not in the agenda (a close match is suggested; checked only when an agenda is loaded)",
        changes: &[Change::Replace {
            file: "west.ron",
            from: r##"issue: "membership","##,
            to: r##"issue: "bases","##,
        }],
        expect: &[
            "west.ron:13:13 error statements[0].issue: unknown issue id `bases`: it is not in the agenda",
        ],
    },
    Case {
        row: "A statement's `issue` is not in the agenda (a close match is suggested; checked only when an agenda is loaded)",
        changes: &[
            Change::Replace {
                file: "west.ron",
                from: r##"issue: "membership","##,
                to: r##"issue: "membrship","##,
            },
            Change::Remove { file: "agenda.ron" },
        ],
        expect: &[
            "east.ron warning: no agenda.ron beside the party files: issues are shown by their ids and cannot be checked against an agenda",
        ],
    },
    Case {
        row: "A statement's `summary` is empty",
        changes: &[Change::Replace {
            file: "west.ron",
            from: r##"summary: "Keeps the door open","##,
            to: r##"summary: "","##,
        }],
        expect: &["west.ron:15:13 error statements[0].summary: the statement has no summary"],
    },
    Case {
        row: "`stance` is outside 0–100",
        changes: &[Change::Replace {
            file: "east.ron",
            from: r##"stance: Some(80),"##,
            to: r##"stance: Some(101),"##,
        }],
        expect: &[
            "east.ron:17:13 error statements[0].stance: stance 101 is outside the 0–100 scale",
        ],
    },
    Case {
        row: "`stance` is outside 0–100",
        changes: &[
            Change::Replace {
                file: "east.ron",
                from: r##"stance: Some(80),"##,
                to: r##"stance: Some(-5),"##,
            },
            Change::Replace {
                file: "east.ron",
                from: r##"(min: 60, max: 100)"##,
                to: r##"(min: 0, max: 100)"##,
            },
        ],
        expect: &[
            "east.ron:17:13 error statements[0].stance: stance -5 is outside the 0–100 scale",
        ],
    },
    Case {
        row: "`stance` is outside 0–100",
        changes: &[Change::Replace {
            file: "east.ron",
            from: r##"stance: Some(80),"##,
            to: r##"stance: Some(100),"##,
        }],
        expect: &[],
    },
    Case {
        row: "`range.min` or `range.max` is outside 0–100",
        changes: &[Change::Replace {
            file: "west.ron",
            from: r##"(min: 50, max: 100)"##,
            to: r##"(min: -1, max: 100)"##,
        }],
        expect: &[
            "west.ron:16:26 error statements[0].range.min: range min -1 is outside the 0–100 scale",
        ],
    },
    Case {
        row: "`range.min` or `range.max` is outside 0–100",
        changes: &[Change::Replace {
            file: "west.ron",
            from: r##"(min: 50, max: 100)"##,
            to: r##"(min: 50, max: 100.5)"##,
        }],
        expect: &[
            "west.ron:16:35 error statements[0].range.max: range max 100.5 is outside the 0–100 scale",
        ],
    },
    Case {
        row: "`range.min` or `range.max` is outside 0–100",
        changes: &[Change::Replace {
            file: "west.ron",
            from: r##"(min: 50, max: 100)"##,
            to: r##"(min: 0, max: 100)"##,
        }],
        expect: &[],
    },
    Case {
        row: "`range.min` is above `range.max`",
        changes: &[Change::Replace {
            file: "west.ron",
            from: r##"(min: 50, max: 100)"##,
            to: r##"(min: 60, max: 50)"##,
        }],
        expect: &["west.ron:16:13 error statements[0].range: range min 60 is above its max 50"],
    },
    Case {
        row: "`range.min` is above `range.max`",
        changes: &[Change::Replace {
            file: "west.ron",
            from: r##"(min: 50, max: 100)"##,
            to: r##"(min: 60, max: 60)"##,
        }],
        expect: &[],
    },
    Case {
        row: "`stance` lies outside the statement's own range",
        changes: &[Change::Replace {
            file: "east.ron",
            from: r##"stance: Some(80),"##,
            to: r##"stance: Some(59),"##,
        }],
        expect: &[
            "east.ron:17:13 error statements[0].stance: stance 59 lies outside the statement's own range 60–100",
        ],
    },
    Case {
        row: "`stance` lies outside the statement's own range",
        changes: &[Change::Replace {
            file: "east.ron",
            from: r##"stance: Some(80),"##,
            to: r##"stance: Some(60),"##,
        }],
        expect: &[],
    },
    Case {
        row: "`salience` is outside 0–100",
        changes: &[Change::Replace {
            file: "west.ron",
            from: r##"salience: 70,"##,
            to: r##"salience: 101,"##,
        }],
        expect: &["west.ron:17:13 error statements[0].salience: salience 101 is outside 0–100"],
    },
    Case {
        row: "`salience` is outside 0–100",
        changes: &[Change::Replace {
            file: "west.ron",
            from: r##"salience: 70,"##,
            to: r##"salience: -1,"##,
        }],
        expect: &["west.ron:17:13 error statements[0].salience: salience -1 is outside 0–100"],
    },
    Case {
        row: "`salience` is outside 0–100",
        changes: &[Change::Replace {
            file: "west.ron",
            from: r##"salience: 70,"##,
            to: r##"salience: 100,"##,
        }],
        expect: &[],
    },
    Case {
        row: "`salience` is outside 0–100",
        changes: &[Change::Replace {
            file: "west.ron",
            from: r##"salience: 70,"##,
            to: r##"salience: 0,"##,
        }],
        expect: &[],
    },
    Case {
        row: "A condition's `text` is empty",
        changes: &[Change::Replace {
            file: "east.ron",
            from: r##"text: "if West agrees""##,
            to: r##"text: " ""##,
        }],
        expect: &[
            "east.ron:23:18 error statements[0].conditions[0].text: the condition has no text",
        ],
    },
    Case {
        row: "`waits_on.issue` is not in the agenda (only when an agenda is loaded)",
        changes: &[Change::Replace {
            file: "east.ron",
            from: r##"issue: "membership")))"##,
            to: r##"issue: "bases")))"##,
        }],
        expect: &[
            "east.ron:23:73 error statements[0].conditions[0].waits_on.issue: unknown issue id `bases`: it is not in the agenda",
        ],
    },
    Case {
        row: "`waits_on.issue` is not in the agenda (only when an agenda is loaded)",
        changes: &[
            Change::Replace {
                file: "east.ron",
                from: r##"issue: "membership")))"##,
                to: r##"issue: "bases")))"##,
            },
            Change::Remove { file: "agenda.ron" },
        ],
        expect: &[
            "east.ron warning: no agenda.ron beside the party files: issues are shown by their ids and cannot be checked against an agenda",
        ],
    },
    Case {
        row: "`waits_on.party` is not among the loaded party files",
        changes: &[Change::Replace {
            file: "east.ron",
            from: r##"party: "west""##,
            to: r##"party: "south""##,
        }],
        expect: &[
            "east.ron:23:58 warning statements[0].conditions[0].waits_on.party: the condition waits on party `south`, which is not among the loaded files",
        ],
    },
    Case {
        row: "`waits_on.party` is the party itself",
        changes: &[Change::Replace {
            file: "east.ron",
            from: r##"party: "west""##,
            to: r##"party: "east""##,
        }],
        expect: &[
            "east.ron:23:58 warning statements[0].conditions[0].waits_on.party: the condition waits on `east`, the party itself; name the party whose action it waits for",
        ],
    },
    Case {
        row: "A statement has no sources",
        changes: &[Change::Replace {
            file: "west.ron",
            from: r##"            sources: [
                (quote: "The door stays open", speaker: "West's envoy", date: "2022-01-26", reference: "Fictional Times"),
            ],
"##,
            to: r##""##,
        }],
        expect: &[
            "west.ron:11:9 warning statements[0].sources: the statement has no source: add the quote it rests on",
        ],
    },
    Case {
        row: "A source's `quote` is empty",
        changes: &[Change::Replace {
            file: "west.ron",
            from: r##"quote: "The door stays open""##,
            to: r##"quote: """##,
        }],
        expect: &["west.ron:21:18 error statements[0].sources[0].quote: the quote is empty"],
    },
    Case {
        row: "A source's `speaker` is empty (use `\"article (narration)\"`)",
        changes: &[Change::Replace {
            file: "west.ron",
            from: r##"speaker: "West's envoy", date"##,
            to: r##"speaker: "", date"##,
        }],
        expect: &[
            "west.ron:21:48 warning statements[0].sources[0].speaker: the quote has no speaker; use \"article (narration)\" when the text itself says it",
        ],
    },
    Case {
        row: "A source's `reference` is empty",
        changes: &[Change::Replace {
            file: "west.ron",
            from: r##"reference: "Fictional Times"),
            ],
        ),
    ],"##,
            to: r##"reference: " "),
            ],
        ),
    ],"##,
        }],
        expect: &[
            "west.ron:21:93 warning statements[0].sources[0].reference: the source has no reference: say where the quote was published",
        ],
    },
    Case {
        row: "A source's `date` is not a real date `YYYY-MM-DD`",
        changes: &[Change::Replace {
            file: "west.ron",
            from: r##"date: "2022-01-26", reference: "Fictional Times"),
            ],
        ),
    ],"##,
            to: r##"date: "2022-1-26", reference: "Fictional Times"),
            ],
        ),
    ],"##,
        }],
        expect: &[
            "west.ron:21:73 error statements[0].sources[0].date: source date \"2022-1-26\" is not a date like \"2022-01-26\"",
        ],
    },
    Case {
        row: "A statement's range does not meet the party's other ranges on the same issue that hold in the same round",
        changes: &[Change::Replace {
            file: "west.ron",
            from: r##"    ],
)
"##,
            to: r##"        (id: "never", issue: "membership", kind: Rejection, summary: "No entry", range: Some((min: 0, max: 40)), salience: 40, firmness: Firm, estimated: true,
            sources: [(quote: "Never", speaker: "West's envoy", date: "2022-01-26", reference: "Fictional Times")]),
    ],
)
"##,
        }],
        expect: &[
            "west.ron:24:82 warning statements[1].range: this range 0–40 does not meet 50–100, what the party's earlier statements on `membership` accept together; the analysis uses the firmest statement",
        ],
    },
    Case {
        row: "A statement's range does not meet the party's other ranges on the same issue that hold in the same round",
        changes: &[Change::Replace {
            file: "west.ron",
            from: r##"    ],
)
"##,
            to: r##"        (id: "never", issue: "membership", kind: Rejection, summary: "No entry", range: Some((min: 0, max: 50)), salience: 40, firmness: Firm, estimated: true,
            sources: [(quote: "Never", speaker: "West's envoy", date: "2022-01-26", reference: "Fictional Times")]),
    ],
)
"##,
        }],
        expect: &[],
    },
    Case {
        row: "A statement's range does not meet the party's other ranges on the same issue that hold in the same round",
        changes: &[
            Change::Replace {
                file: "agenda.ron",
                from: r##"    ],
)"##,
                to: r##"    ],
    rounds: [
        (id: "first", name: "First talks", date: "2022-01-10"),
        (id: "second", name: "Second talks", date: "2022-01-26"),
    ],
)"##,
            },
            Change::Replace {
                file: "west.ron",
                from: r##"firmness: Flexible,"##,
                to: r##"firmness: Flexible,
            until: "first","##,
            },
            Change::Replace {
                file: "west.ron",
                from: r##"    ],
)
"##,
                to: r##"        (id: "never", issue: "membership", kind: Rejection, summary: "No entry", range: Some((min: 0, max: 40)), from: "second", salience: 40, firmness: Firm, estimated: true,
            sources: [(quote: "Never", speaker: "West's envoy", date: "2022-01-26", reference: "Fictional Times")]),
    ],
)
"##,
            },
        ],
        expect: &[],
    },
    Case {
        row: "`from` or `until` names a round the agenda does not list",
        changes: &[
            Change::Replace {
                file: "agenda.ron",
                from: r##"    ],
)"##,
                to: r##"    ],
    rounds: [
        (id: "first", name: "First talks", date: "2022-01-10"),
        (id: "second", name: "Second talks", date: "2022-01-26"),
    ],
)"##,
            },
            Change::Replace {
                file: "west.ron",
                from: r##"firmness: Flexible,"##,
                to: r##"firmness: Flexible,
            from: "third","##,
            },
        ],
        expect: &[
            "west.ron:19:13 error statements[0].from: `from` names round `third`, which the agenda does not list (its rounds: first, second)",
        ],
    },
    Case {
        row: "`from` or `until` names a round the agenda does not list",
        changes: &[
            Change::Replace {
                file: "agenda.ron",
                from: r##"    ],
)"##,
                to: r##"    ],
    rounds: [
        (id: "first", name: "First talks", date: "2022-01-10"),
        (id: "second", name: "Second talks", date: "2022-01-26"),
    ],
)"##,
            },
            Change::Replace {
                file: "west.ron",
                from: r##"firmness: Flexible,"##,
                to: r##"firmness: Flexible,
            until: "last","##,
            },
        ],
        expect: &[
            "west.ron:19:13 error statements[0].until: `until` names round `last`, which the agenda does not list (its rounds: first, second)",
        ],
    },
    Case {
        row: "`from` or `until` is given but the agenda lists no rounds",
        changes: &[Change::Replace {
            file: "west.ron",
            from: r##"firmness: Flexible,"##,
            to: r##"firmness: Flexible,
            from: "first","##,
        }],
        expect: &[
            "west.ron:19:13 error statements[0].from: `from: \"first\"` names a round, but the agenda lists no rounds; add the round to the agenda's `rounds` or remove `from`",
        ],
    },
    Case {
        row: "`from` or `until` is given but the agenda lists no rounds",
        changes: &[Change::Replace {
            file: "west.ron",
            from: r##"firmness: Flexible,"##,
            to: r##"firmness: Flexible,
            until: "first","##,
        }],
        expect: &[
            "west.ron:19:13 error statements[0].until: `until: \"first\"` names a round, but the agenda lists no rounds; add the round to the agenda's `rounds` or remove `until`",
        ],
    },
    Case {
        row: "`until` names a round before `from`",
        changes: &[
            Change::Replace {
                file: "agenda.ron",
                from: r##"    ],
)"##,
                to: r##"    ],
    rounds: [
        (id: "first", name: "First talks", date: "2022-01-10"),
        (id: "second", name: "Second talks", date: "2022-01-26"),
    ],
)"##,
            },
            Change::Replace {
                file: "west.ron",
                from: r##"firmness: Flexible,"##,
                to: r##"firmness: Flexible,
            from: "second",
            until: "first","##,
            },
        ],
        expect: &[
            "west.ron:20:13 error statements[0].until: the statement holds until round `first`, which comes before its first round `second`",
        ],
    },
    Case {
        row: "`until` names a round before `from`",
        changes: &[
            Change::Replace {
                file: "agenda.ron",
                from: r##"    ],
)"##,
                to: r##"    ],
    rounds: [
        (id: "first", name: "First talks", date: "2022-01-10"),
        (id: "second", name: "Second talks", date: "2022-01-26"),
    ],
)"##,
            },
            Change::Replace {
                file: "west.ron",
                from: r##"firmness: Flexible,"##,
                to: r##"firmness: Flexible,
            from: "second",
            until: "second","##,
            },
        ],
        expect: &[],
    },
];
