//! The agenda: its name, issues, scales and rounds. The rows of docs/format.md section 6 in order.

use super::{Case, Change};

pub(crate) const CASES: &[Case] = &[
    Case {
        row: "`name` is empty",
        changes: &[Change::Replace {
            file: "agenda.ron",
            from: r##"name: "Fictional test talks","##,
            to: r##"name: " ","##,
        }],
        expect: &["agenda.ron:3:5 warning name: the negotiation has no name"],
    },
    Case {
        row: "An issue `id` is empty or not kebab-case",
        changes: &[Change::Replace {
            file: "agenda.ron",
            from: r##"id: "membership","##,
            to: r##"id: "","##,
        }],
        expect: &[
            "agenda.ron:6:13 error issues[0].id: the issue has no id",
            "east.ron:14:13 error statements[0].issue: unknown issue id `membership`: it is not in the agenda",
            "east.ron:23:73 error statements[0].conditions[0].waits_on.issue: unknown issue id `membership`: it is not in the agenda",
            "west.ron:13:13 error statements[0].issue: unknown issue id `membership`: it is not in the agenda",
        ],
    },
    Case {
        row: "An issue `id` is empty or not kebab-case",
        changes: &[Change::Replace {
            file: "agenda.ron",
            from: r##"id: "membership","##,
            to: r##"id: "Membership_2","##,
        }],
        expect: &[
            "agenda.ron:6:13 error issues[0].id: issue id `Membership_2` must be kebab-case: lower-case letters, digits and hyphens",
            "east.ron:14:13 error statements[0].issue: unknown issue id `membership`: it is not in the agenda; did you mean `Membership_2`?",
            "east.ron:23:73 error statements[0].conditions[0].waits_on.issue: unknown issue id `membership`: it is not in the agenda; did you mean `Membership_2`?",
            "west.ron:13:13 error statements[0].issue: unknown issue id `membership`: it is not in the agenda; did you mean `Membership_2`?",
        ],
    },
    Case {
        row: "An issue `id` is used twice",
        changes: &[Change::Replace {
            file: "agenda.ron",
            from: r##"        ),
    ],"##,
            to: r##"        ),
        (id: "membership", title: "Again", scale: [(at: 0, meaning: "a"), (at: 100, meaning: "b")]),
    ],"##,
        }],
        expect: &[
            "agenda.ron:13:10 error issues[1].id: issue id `membership` is used twice in the agenda",
        ],
    },
    Case {
        row: "An issue `title` is empty",
        changes: &[Change::Replace {
            file: "agenda.ron",
            from: r##"title: "Membership","##,
            to: r##"title: "","##,
        }],
        expect: &["agenda.ron:7:13 error issues[0].title: the issue has no title"],
    },
    Case {
        row: "A scale anchor's `at` is outside 0–100",
        changes: &[Change::Replace {
            file: "agenda.ron",
            from: r##"(at: 100, meaning: "open door"),"##,
            to: r##"(at: 100, meaning: "open door"),
                (at: 101, meaning: "beyond"),"##,
        }],
        expect: &[
            "agenda.ron:11:18 error issues[0].scale[2].at: scale anchor at 101 is outside the 0–100 scale",
        ],
    },
    Case {
        row: "A scale anchor's `at` is outside 0–100",
        changes: &[Change::Replace {
            file: "agenda.ron",
            from: r##"(at: 0, meaning: "never"),"##,
            to: r##"(at: 0, meaning: "never"),
                (at: -1, meaning: "below"),"##,
        }],
        expect: &[
            "agenda.ron:10:18 error issues[0].scale[1].at: scale anchor at -1 is outside the 0–100 scale",
        ],
    },
    Case {
        row: "A scale anchor's `meaning` is empty",
        changes: &[Change::Replace {
            file: "agenda.ron",
            from: r##"meaning: "never""##,
            to: r##"meaning: """##,
        }],
        expect: &[
            "agenda.ron:9:25 error issues[0].scale[0].meaning: this scale anchor has no meaning",
        ],
    },
    Case {
        row: "The scale has no anchor at 0, or none at 100",
        changes: &[Change::Replace {
            file: "agenda.ron",
            from: r##"(at: 0, meaning: "never"),"##,
            to: r##"(at: 1, meaning: "never"),"##,
        }],
        expect: &[
            "agenda.ron:8:13 error issues[0].scale: the scale of `membership` needs an anchor at 0 saying what that end means",
        ],
    },
    Case {
        row: "The scale has no anchor at 0, or none at 100",
        changes: &[Change::Replace {
            file: "agenda.ron",
            from: r##"(at: 100, meaning: "open door"),"##,
            to: r##"(at: 99, meaning: "open door"),"##,
        }],
        expect: &[
            "agenda.ron:8:13 error issues[0].scale: the scale of `membership` needs an anchor at 100 saying what that end means",
        ],
    },
    Case {
        row: "`no_stake` names a party that no loaded file is (checked when party files are loaded)",
        changes: &[Change::Replace {
            file: "agenda.ron",
            from: r##"            title: "Membership","##,
            to: r##"            title: "Membership",
            no_stake: ["south"],"##,
        }],
        expect: &[
            "agenda.ron:8:24 warning issues[0].no_stake[0]: `membership` records that party `south` has no stake, but no loaded file is that party's",
        ],
    },
    Case {
        row: "`no_stake` names a party that no loaded file is (checked when party files are loaded)",
        changes: &[
            Change::Replace {
                file: "agenda.ron",
                from: r##"            title: "Membership","##,
                to: r##"            title: "Membership",
            no_stake: ["south"],"##,
            },
            Change::Paths(&["agenda.ron"]),
        ],
        expect: &[],
    },
    Case {
        row: "A party listed under `no_stake` makes statements on the issue",
        changes: &[Change::Replace {
            file: "agenda.ron",
            from: r##"            title: "Membership","##,
            to: r##"            title: "Membership",
            no_stake: ["west"],"##,
        }],
        expect: &[
            "agenda.ron:8:24 warning issues[0].no_stake[0]: `membership` records that party `west` has no stake, yet it makes 1 statement on the issue; it is compared like any other",
        ],
    },
    Case {
        row: "A round `id` is empty, not kebab-case, or used twice",
        changes: &[Change::Replace {
            file: "agenda.ron",
            from: r##"    ],
)"##,
            to: r##"    ],
    rounds: [
        (id: "", name: "First talks", date: "2022-01-10"),
        (id: "second", name: "Second talks", date: "2022-01-26"),
    ],
)"##,
        }],
        expect: &["agenda.ron:15:10 error rounds[0].id: the round has no id"],
    },
    Case {
        row: "A round `id` is empty, not kebab-case, or used twice",
        changes: &[Change::Replace {
            file: "agenda.ron",
            from: r##"    ],
)"##,
            to: r##"    ],
    rounds: [
        (id: "First Round", name: "First talks", date: "2022-01-10"),
        (id: "second", name: "Second talks", date: "2022-01-26"),
    ],
)"##,
        }],
        expect: &[
            "agenda.ron:15:10 error rounds[0].id: round id `First Round` must be kebab-case: lower-case letters, digits and hyphens",
        ],
    },
    Case {
        row: "A round `id` is empty, not kebab-case, or used twice",
        changes: &[Change::Replace {
            file: "agenda.ron",
            from: r##"    ],
)"##,
            to: r##"    ],
    rounds: [
        (id: "first", name: "First talks", date: "2022-01-10"),
        (id: "first", name: "Second talks", date: "2022-01-26"),
    ],
)"##,
        }],
        expect: &[
            "agenda.ron:16:10 error rounds[1].id: round id `first` is used twice in the agenda",
        ],
    },
    Case {
        row: "A round's `name` is empty",
        changes: &[Change::Replace {
            file: "agenda.ron",
            from: r##"    ],
)"##,
            to: r##"    ],
    rounds: [
        (id: "first", name: "", date: "2022-01-10"),
        (id: "second", name: "Second talks", date: "2022-01-26"),
    ],
)"##,
        }],
        expect: &["agenda.ron:15:23 error rounds[0].name: the round has no name"],
    },
    Case {
        row: "A round's `date` is not a real date `YYYY-MM-DD`",
        changes: &[Change::Replace {
            file: "agenda.ron",
            from: r##"    ],
)"##,
            to: r##"    ],
    rounds: [
        (id: "first", name: "First talks", date: "2022-02-29"),
        (id: "second", name: "Second talks", date: "2022-01-26"),
    ],
)"##,
        }],
        expect: &[
            "agenda.ron:15:44 error rounds[0].date: the round's date \"2022-02-29\" is not a date like \"2022-01-26\"",
        ],
    },
    Case {
        row: "A round's `date` is not a real date `YYYY-MM-DD`",
        changes: &[Change::Replace {
            file: "agenda.ron",
            from: r##"    ],
)"##,
            to: r##"    ],
    rounds: [
        (id: "first", name: "First talks", date: "1900-02-29"),
        (id: "second", name: "Second talks", date: "2022-01-26"),
    ],
)"##,
        }],
        expect: &[
            "agenda.ron:15:44 error rounds[0].date: the round's date \"1900-02-29\" is not a date like \"2022-01-26\"",
        ],
    },
    Case {
        row: "A round's `date` is not a real date `YYYY-MM-DD`",
        changes: &[Change::Replace {
            file: "agenda.ron",
            from: r##"    ],
)"##,
            to: r##"    ],
    rounds: [
        (id: "first", name: "First talks", date: "2000-02-29"),
        (id: "second", name: "Second talks", date: "2022-01-26"),
    ],
)"##,
        }],
        expect: &[],
    },
    Case {
        row: "A round's date is earlier than the round listed above it",
        changes: &[Change::Replace {
            file: "agenda.ron",
            from: r##"    ],
)"##,
            to: r##"    ],
    rounds: [
        (id: "first", name: "First talks", date: "2022-01-10"),
        (id: "second", name: "Second talks", date: "2022-01-09"),
    ],
)"##,
        }],
        expect: &[
            "agenda.ron:16:46 error rounds[1].date: round `second` on 2022-01-09 comes before the round listed above it (2022-01-10); list rounds oldest first",
        ],
    },
    Case {
        row: "A round's date is earlier than the round listed above it",
        changes: &[Change::Replace {
            file: "agenda.ron",
            from: r##"    ],
)"##,
            to: r##"    ],
    rounds: [
        (id: "first", name: "First talks", date: "2022-01-10"),
        (id: "second", name: "Second talks", date: "2022-01-10"),
    ],
)"##,
        }],
        expect: &[],
    },
];
