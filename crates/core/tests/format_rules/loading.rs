//! Reading and loading: files that cannot be read, parsed or trusted. The rows of docs/format.md section 6 in order.

use super::{Case, Change};
use crate::AGENDA;

pub(crate) const CASES: &[Case] = &[
    Case {
        row: "The file is missing, is a folder or a device, or cannot be read (permission denied)",
        changes: &[Change::Paths(&[
            "agenda.ron",
            "east.ron",
            "west.ron",
            "south.ron",
        ])],
        expect: &["south.ron error: no such file or folder"],
    },
    Case {
        row: "The file is missing, is a folder or a device, or cannot be read (permission denied)",
        changes: &[Change::Folder { name: "south.ron" }],
        expect: &["south.ron error: this is a folder; a .ron file was expected here"],
    },
    Case {
        row: "The file is missing, is a folder or a device, or cannot be read (permission denied)",
        changes: &[Change::Paths(&[
            "agenda.ron",
            "east.ron",
            "west.ron",
            "../../../dev/null",
        ])],
        expect: &[
            "../../../dev/null error: this is not a regular file (a device, pipe or socket?)",
        ],
    },
    Case {
        row: "The file is missing, is a folder or a device, or cannot be read (permission denied)",
        changes: &[
            Change::Bytes {
                file: "south.ron",
                bytes: b"()",
            },
            Change::Unreadable { name: "south.ron" },
        ],
        expect: &["south.ron error: permission denied: the file cannot be read"],
    },
    Case {
        row: "The file is larger than 64 MiB",
        changes: &[Change::Large {
            file: "south.ron",
            len: 64 * 1024 * 1024 + 1,
        }],
        expect: &[
            "south.ron error: the file is 67108865 bytes, over the 64 MiB limit for position files",
        ],
    },
    Case {
        row: "The file is larger than 64 MiB",
        changes: &[Change::Large {
            file: "south.ron",
            len: 64 * 1024 * 1024,
        }],
        expect: &[
            // Exactly 64 MiB is read: its zero bytes are what is wrong with it.
            "south.ron error: this looks like a binary file, not RON text (it contains zero bytes)",
        ],
    },
    Case {
        row: "The file is empty or only whitespace",
        changes: &[Change::Bytes {
            file: "south.ron",
            bytes: b"",
        }],
        expect: &["south.ron error: the file is empty"],
    },
    Case {
        row: "The file is empty or only whitespace",
        changes: &[Change::Bytes {
            file: "south.ron",
            bytes: b"  \n\t\n",
        }],
        expect: &["south.ron error: the file is empty"],
    },
    Case {
        row: "The file contains zero bytes (binary)",
        changes: &[Change::Bytes {
            file: "south.ron",
            bytes: b"(format: 2,\0\0)",
        }],
        expect: &[
            "south.ron error: this looks like a binary file, not RON text (it contains zero bytes)",
        ],
    },
    Case {
        row: "The file is not UTF-8 (the line and column of the first bad byte are given), or is UTF-16",
        changes: &[Change::Bytes {
            file: "south.ron",
            bytes: b"(\n    format: 2,\n    name: \"W\xe9st\",\n)",
        }],
        expect: &[
            "south.ron:3:13 error: the file is not UTF-8 text; save it as UTF-8 in your editor",
        ],
    },
    Case {
        row: "The file is not UTF-8 (the line and column of the first bad byte are given), or is UTF-16",
        changes: &[Change::Bytes {
            file: "south.ron",
            bytes: b"\xff\xfe(\0f\0",
        }],
        expect: &["south.ron error: the file is UTF-16 text; save it as UTF-8 in your editor"],
    },
    Case {
        row: "RON syntax error, missing required field, wrong type, unknown `kind` or `firmness` value, a field given twice, text after the end",
        changes: &[
            Change::Replace {
                file: "east.ron",
                from: r##"waits_on: Some((party: "west", issue: "membership"))"##,
                to: r##"waits_on: None"##,
            },
            Change::Replace {
                file: "west.ron",
                from: r##"as_of: "2022-01-26","##,
                to: r##"as_of: "2022-01-26";"##,
            },
        ],
        expect: &["west.ron:9:24 error: expected a comma between these two items, but found `;`"],
    },
    Case {
        row: "RON syntax error, missing required field, wrong type, unknown `kind` or `firmness` value, a field given twice, text after the end",
        changes: &[
            Change::Replace {
                file: "east.ron",
                from: r##"waits_on: Some((party: "west", issue: "membership"))"##,
                to: r##"waits_on: None"##,
            },
            Change::Replace {
                file: "west.ron",
                from: r##"    as_of: "2022-01-26",
"##,
                to: r##""##,
            },
        ],
        expect: &["west.ron:24:1 error: this party file is missing the field `as_of`"],
    },
    Case {
        row: "RON syntax error, missing required field, wrong type, unknown `kind` or `firmness` value, a field given twice, text after the end",
        changes: &[
            Change::Replace {
                file: "east.ron",
                from: r##"waits_on: Some((party: "west", issue: "membership"))"##,
                to: r##"waits_on: None"##,
            },
            Change::Replace {
                file: "west.ron",
                from: r##"salience: 70,"##,
                to: r##"salience: "high","##,
            },
        ],
        expect: &["west.ron:17:23 error: expected a number here, but found `\"high\"`"],
    },
    Case {
        row: "RON syntax error, missing required field, wrong type, unknown `kind` or `firmness` value, a field given twice, text after the end",
        changes: &[
            Change::Replace {
                file: "east.ron",
                from: r##"waits_on: Some((party: "west", issue: "membership"))"##,
                to: r##"waits_on: None"##,
            },
            Change::Replace {
                file: "west.ron",
                from: r##"kind: Offer,"##,
                to: r##"kind: Proposal,"##,
            },
        ],
        expect: &[
            "west.ron:14:19 error: `Proposal` is not a valid kind; use one of: Demand, Rejection, Offer, OpenToTalks, Condition, Concern, Warning",
        ],
    },
    Case {
        row: "RON syntax error, missing required field, wrong type, unknown `kind` or `firmness` value, a field given twice, text after the end",
        changes: &[
            Change::Replace {
                file: "east.ron",
                from: r##"waits_on: Some((party: "west", issue: "membership"))"##,
                to: r##"waits_on: None"##,
            },
            Change::Replace {
                file: "west.ron",
                from: r##"firmness: Flexible,"##,
                to: r##"firmness: Soft,"##,
            },
        ],
        expect: &[
            "west.ron:18:23 error: `Soft` is not a valid firmness; use one of: NonNegotiable, Firm, Flexible",
        ],
    },
    Case {
        row: "RON syntax error, missing required field, wrong type, unknown `kind` or `firmness` value, a field given twice, text after the end",
        changes: &[
            Change::Replace {
                file: "east.ron",
                from: r##"waits_on: Some((party: "west", issue: "membership"))"##,
                to: r##"waits_on: None"##,
            },
            Change::Replace {
                file: "west.ron",
                from: r##"salience: 70,"##,
                to: r##"salience: 70,
            salience: 71,"##,
            },
        ],
        expect: &["west.ron:18:13 error: the field `salience` appears twice in this block"],
    },
    Case {
        row: "RON syntax error, missing required field, wrong type, unknown `kind` or `firmness` value, a field given twice, text after the end",
        changes: &[
            Change::Replace {
                file: "east.ron",
                from: r##"waits_on: Some((party: "west", issue: "membership"))"##,
                to: r##"waits_on: None"##,
            },
            Change::Replace {
                file: "west.ron",
                from: r##"    ],
)
"##,
                to: r##"    ],
)
("more")
"##,
            },
        ],
        expect: &[
            "west.ron:25:2 error: there is more text after the end of the data: is there an extra closing bracket?",
        ],
    },
    Case {
        row: "The file ends too early, or a quoted text is never closed (a file cut short)",
        changes: &[
            Change::Replace {
                file: "east.ron",
                from: r##"waits_on: Some((party: "west", issue: "membership"))"##,
                to: r##"waits_on: None"##,
            },
            Change::Bytes {
                file: "west.ron",
                bytes: b"(\n    format: 2,\n    party: (\n",
            },
        ],
        expect: &[
            "west.ron:3:13 error: the file ends too early: a closing `)` or `]` is probably missing",
        ],
    },
    Case {
        row: "The file ends too early, or a quoted text is never closed (a file cut short)",
        changes: &[
            Change::Replace {
                file: "east.ron",
                from: r##"waits_on: Some((party: "west", issue: "membership"))"##,
                to: r##"waits_on: None"##,
            },
            Change::Bytes {
                file: "west.ron",
                bytes: b"(\n    format: 2,\n    party: (\n        id: \"we",
            },
        ],
        expect: &[
            "west.ron:4:16 error: this text is missing its closing double quote: it opens at line 4, column 13, and runs to the end of the file",
        ],
    },
    Case {
        row: "`format` is higher than 2 (written by a newer version)",
        changes: &[
            Change::Replace {
                file: "east.ron",
                from: r##"waits_on: Some((party: "west", issue: "membership"))"##,
                to: r##"waits_on: None"##,
            },
            Change::Replace {
                file: "west.ron",
                from: r##"format: 2,"##,
                to: r##"format: 3,"##,
            },
        ],
        expect: &[
            "west.ron error: this file uses format 3, written by a newer version of Common Ground; this version reads format 2 and will not open it half-read. Update the app.",
        ],
    },
    Case {
        row: "`format: 0`, or a `format` that is not a whole number (`-1`, `1.0`)",
        changes: &[
            Change::Replace {
                file: "east.ron",
                from: r##"waits_on: Some((party: "west", issue: "membership"))"##,
                to: r##"waits_on: None"##,
            },
            Change::Replace {
                file: "west.ron",
                from: r##"format: 2,"##,
                to: r##"format: 0,"##,
            },
        ],
        expect: &[
            "west.ron:2:5 error format: `format: 0` is not a format version; this version of the app writes format 2",
        ],
    },
    Case {
        row: "`format: 0`, or a `format` that is not a whole number (`-1`, `1.0`)",
        changes: &[
            Change::Replace {
                file: "east.ron",
                from: r##"waits_on: Some((party: "west", issue: "membership"))"##,
                to: r##"waits_on: None"##,
            },
            Change::Replace {
                file: "west.ron",
                from: r##"format: 2,"##,
                to: r##"format: -1,"##,
            },
        ],
        expect: &[
            "west.ron:2:13 error: `format` must be a whole number, the version of the file format; this version of the app writes `format: 2`",
        ],
    },
    Case {
        row: "`format: 0`, or a `format` that is not a whole number (`-1`, `1.0`)",
        changes: &[
            Change::Replace {
                file: "east.ron",
                from: r##"waits_on: Some((party: "west", issue: "membership"))"##,
                to: r##"waits_on: None"##,
            },
            Change::Replace {
                file: "west.ron",
                from: r##"format: 2,"##,
                to: r##"format: 1.0,"##,
            },
        ],
        expect: &[
            "west.ron:2:13 error: `format` must be a whole number, the version of the file format; this version of the app writes `format: 2`",
        ],
    },
    Case {
        row: "A field this version does not know",
        changes: &[Change::Replace {
            file: "west.ron",
            from: r##"short_name: "W","##,
            to: r##"short_name: "W",
        motto: "Open doors","##,
        }],
        expect: &[
            "west.ron:7:9 warning party.motto: unknown field `motto` is ignored, and would be dropped if the app saved this file",
        ],
    },
    Case {
        row: "A folder with no `.ron` files, or a folder that cannot be read",
        changes: &[
            Change::Remove { file: "agenda.ron" },
            Change::Remove { file: "east.ron" },
            Change::Remove { file: "west.ron" },
        ],
        expect: &[" error: this folder has no .ron files to open"],
    },
    Case {
        row: "A folder with no `.ron` files, or a folder that cannot be read",
        changes: &[Change::Unreadable { name: "." }],
        expect: &[" error: the folder could not be read: Permission denied (os error 13)"],
    },
    Case {
        row: "More than one agenda given",
        changes: &[
            Change::Bytes {
                file: "sub/agenda.ron",
                bytes: AGENDA.as_bytes(),
            },
            Change::Paths(&["agenda.ron", "sub/agenda.ron", "east.ron", "west.ron"]),
        ],
        expect: &[
            "sub/agenda.ron error: more than one agenda was given; only FOLDER/agenda.ron is used",
        ],
    },
    Case {
        row: "No `agenda.ron` beside the party files, or the agenda did not load",
        changes: &[Change::Remove { file: "agenda.ron" }],
        expect: &[
            "east.ron warning: no agenda.ron beside the party files: issues are shown by their ids and cannot be checked against an agenda",
        ],
    },
    Case {
        row: "No `agenda.ron` beside the party files, or the agenda did not load",
        changes: &[Change::Replace {
            file: "agenda.ron",
            from: r##"name: "Fictional test talks","##,
            to: r##"name: "Fictional test talks";"##,
        }],
        expect: &[
            "agenda.ron:3:33 error: expected a comma between these two items, but found `;`",
            "east.ron warning: the agenda did not load: issues are shown by their ids and cannot be checked against an agenda",
        ],
    },
];
