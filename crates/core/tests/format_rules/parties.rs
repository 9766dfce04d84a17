//! Party files: who the party is. The rows of docs/format.md section 6 in order.

use super::{Case, Change};

pub(crate) const CASES: &[Case] = &[
    Case {
        row: "`party.id` is empty or not kebab-case",
        changes: &[
            Change::Replace {
                file: "east.ron",
                from: r##"waits_on: Some((party: "west", issue: "membership"))"##,
                to: r##"waits_on: None"##,
            },
            Change::Replace {
                file: "west.ron",
                from: r##"id: "west","##,
                to: r##"id: "","##,
            },
        ],
        expect: &["west.ron:4:9 error party.id: the party has no id"],
    },
    Case {
        row: "`party.id` is empty or not kebab-case",
        changes: &[
            Change::Replace {
                file: "east.ron",
                from: r##"waits_on: Some((party: "west", issue: "membership"))"##,
                to: r##"waits_on: None"##,
            },
            Change::Replace {
                file: "west.ron",
                from: r##"id: "west","##,
                to: r##"id: "West Side","##,
            },
        ],
        expect: &[
            "west.ron:4:9 error party.id: party id `West Side` must be kebab-case: lower-case letters, digits and hyphens",
        ],
    },
    Case {
        row: "The same party id is used by two files (reported on the second)",
        changes: &[
            Change::Replace {
                file: "east.ron",
                from: r##"waits_on: Some((party: "west", issue: "membership"))"##,
                to: r##"waits_on: None"##,
            },
            Change::Replace {
                file: "west.ron",
                from: r##"id: "west","##,
                to: r##"id: "east","##,
            },
        ],
        expect: &[
            "west.ron:4:9 error party.id: party id `east` is already used by FOLDER/east.ron; each party needs its own id",
        ],
    },
    Case {
        row: "`party.name` or `party.short_name` is empty",
        changes: &[Change::Replace {
            file: "west.ron",
            from: r##"name: "West","##,
            to: r##"name: "","##,
        }],
        expect: &["west.ron:5:9 error party.name: the party's `name` is empty"],
    },
    Case {
        row: "`party.name` or `party.short_name` is empty",
        changes: &[Change::Replace {
            file: "west.ron",
            from: r##"short_name: "W","##,
            to: r##"short_name: " ","##,
        }],
        expect: &["west.ron:6:9 error party.short_name: the party's `short_name` is empty"],
    },
    Case {
        row: "`party.colour` is not `#` and six hex digits",
        changes: &[Change::Replace {
            file: "west.ron",
            from: r##""#e69f00""##,
            to: r##""#e69f0""##,
        }],
        expect: &[
            "west.ron:7:9 error party.colour: colour `#e69f0` is not a colour like \"#0072b2\" (# and six hex digits)",
        ],
    },
    Case {
        row: "`party.colour` is not `#` and six hex digits",
        changes: &[Change::Replace {
            file: "west.ron",
            from: r##""#e69f00""##,
            to: r##""#e69f00a""##,
        }],
        expect: &[
            "west.ron:7:9 error party.colour: colour `#e69f00a` is not a colour like \"#0072b2\" (# and six hex digits)",
        ],
    },
    Case {
        row: "`party.colour` is not `#` and six hex digits",
        changes: &[Change::Replace {
            file: "west.ron",
            from: r##""#e69f00""##,
            to: r##""#e69g00""##,
        }],
        expect: &[
            "west.ron:7:9 error party.colour: colour `#e69g00` is not a colour like \"#0072b2\" (# and six hex digits)",
        ],
    },
    Case {
        row: "`party.colour` is not `#` and six hex digits",
        changes: &[Change::Replace {
            file: "west.ron",
            from: r##""#e69f00""##,
            to: r##""e69f00""##,
        }],
        expect: &[
            "west.ron:7:9 error party.colour: colour `e69f00` is not a colour like \"#0072b2\" (# and six hex digits)",
        ],
    },
    Case {
        row: "`party.colour` is not `#` and six hex digits",
        changes: &[Change::Replace {
            file: "west.ron",
            from: r##""#e69f00""##,
            to: r##""#E69F00""##,
        }],
        expect: &[],
    },
    Case {
        row: "`party.capability` is outside 0–1",
        changes: &[Change::Replace {
            file: "east.ron",
            from: r##"capability: Some(0.5),"##,
            to: r##"capability: Some(1.5),"##,
        }],
        expect: &["east.ron:8:9 error party.capability: capability 1.5 is outside 0–1"],
    },
    Case {
        row: "`party.capability` is outside 0–1",
        changes: &[Change::Replace {
            file: "east.ron",
            from: r##"capability: Some(0.5),"##,
            to: r##"capability: Some(-0.1),"##,
        }],
        expect: &["east.ron:8:9 error party.capability: capability -0.1 is outside 0–1"],
    },
    Case {
        row: "`party.capability` is outside 0–1",
        changes: &[Change::Replace {
            file: "east.ron",
            from: r##"capability: Some(0.5),"##,
            to: r##"capability: Some(1.0),"##,
        }],
        expect: &[],
    },
    Case {
        row: "`party.capability` is outside 0–1",
        changes: &[Change::Replace {
            file: "east.ron",
            from: r##"capability: Some(0.5),"##,
            to: r##"capability: Some(0.0),"##,
        }],
        expect: &[],
    },
    Case {
        row: "`as_of` is not a real date `YYYY-MM-DD`",
        changes: &[Change::Replace {
            file: "west.ron",
            from: r##"as_of: "2022-01-26""##,
            to: r##"as_of: "2022-13-01""##,
        }],
        expect: &[
            "west.ron:9:5 error as_of: `as_of` \"2022-13-01\" is not a date like \"2022-01-26\"",
        ],
    },
    Case {
        row: "`as_of` is not a real date `YYYY-MM-DD`",
        changes: &[Change::Replace {
            file: "west.ron",
            from: r##"as_of: "2022-01-26""##,
            to: r##"as_of: "26 January 2022""##,
        }],
        expect: &[
            "west.ron:9:5 error as_of: `as_of` \"26 January 2022\" is not a date like \"2022-01-26\"",
        ],
    },
    Case {
        row: "`as_of` is not a real date `YYYY-MM-DD`",
        changes: &[Change::Replace {
            file: "west.ron",
            from: r##"as_of: "2022-01-26""##,
            to: r##"as_of: "2100-02-29""##,
        }],
        expect: &[
            "west.ron:9:5 error as_of: `as_of` \"2100-02-29\" is not a date like \"2022-01-26\"",
        ],
    },
    Case {
        row: "`as_of` is not a real date `YYYY-MM-DD`",
        changes: &[Change::Replace {
            file: "west.ron",
            from: r##"as_of: "2022-01-26""##,
            to: r##"as_of: "2000-02-29""##,
        }],
        expect: &[],
    },
    Case {
        row: "`as_of` is not a real date `YYYY-MM-DD`",
        changes: &[Change::Replace {
            file: "west.ron",
            from: r##"as_of: "2022-01-26""##,
            to: r##"as_of: "2024-02-29""##,
        }],
        expect: &[],
    },
    // Months of 30 days and a February outside a leap year, each at its last day and one past.
    Case {
        row: "`as_of` is not a real date `YYYY-MM-DD`",
        changes: &[Change::Replace {
            file: "west.ron",
            from: r##"as_of: "2022-01-26""##,
            to: r##"as_of: "2022-04-30""##,
        }],
        expect: &[],
    },
    Case {
        row: "`as_of` is not a real date `YYYY-MM-DD`",
        changes: &[Change::Replace {
            file: "west.ron",
            from: r##"as_of: "2022-01-26""##,
            to: r##"as_of: "2022-04-31""##,
        }],
        expect: &[
            "west.ron:9:5 error as_of: `as_of` \"2022-04-31\" is not a date like \"2022-01-26\"",
        ],
    },
    Case {
        row: "`as_of` is not a real date `YYYY-MM-DD`",
        changes: &[Change::Replace {
            file: "west.ron",
            from: r##"as_of: "2022-01-26""##,
            to: r##"as_of: "2022-02-28""##,
        }],
        expect: &[],
    },
    Case {
        row: "`as_of` is not a real date `YYYY-MM-DD`",
        changes: &[Change::Replace {
            file: "west.ron",
            from: r##"as_of: "2022-01-26""##,
            to: r##"as_of: "2023-02-29""##,
        }],
        expect: &[
            "west.ron:9:5 error as_of: `as_of` \"2023-02-29\" is not a date like \"2022-01-26\"",
        ],
    },
];
