//! What is saved loads back equal, and saving twice gives the same bytes, for any data.

use common_ground_core::io::{SaveMode, load, parse_ron, save_party, to_canonical_ron};
use common_ground_core::model::{
    Condition, Firmness, Kind, Party, PartyFile, Range, Source, Statement, WaitsOn,
};
use proptest::prelude::*;

fn text() -> impl Strategy<Value = String> {
    // Any characters at all, control characters, quotes, backslashes and `#` included.
    prop_oneof![any::<String>(), "[a-z'\"\\\\#/ ]{0,12}"]
}

fn number() -> impl Strategy<Value = f64> {
    prop_oneof![
        0.0..=100.0f64,
        (0u8..=100).prop_map(f64::from),
        -1e9..1e9f64
    ]
}

fn kind() -> impl Strategy<Value = Kind> {
    proptest::sample::select(Kind::ALL.to_vec())
}

fn firmness() -> impl Strategy<Value = Firmness> {
    prop_oneof![
        Just(Firmness::NonNegotiable),
        Just(Firmness::Firm),
        Just(Firmness::Flexible)
    ]
}

fn source() -> impl Strategy<Value = Source> {
    (text(), text(), text(), text()).prop_map(|(quote, speaker, date, reference)| Source {
        quote,
        speaker,
        date,
        reference,
    })
}

fn condition() -> impl Strategy<Value = Condition> {
    (text(), proptest::option::of((text(), text()))).prop_map(|(text, waits_on)| Condition {
        text,
        waits_on: waits_on.map(|(party, issue)| WaitsOn { party, issue }),
    })
}

fn statement() -> impl Strategy<Value = Statement> {
    (
        (text(), text(), kind(), text()),
        (
            proptest::option::of(number()),
            proptest::option::of((number(), number())),
            number(),
            firmness(),
            any::<bool>(),
        ),
        (
            proptest::collection::vec(condition(), 0..3),
            proptest::collection::vec(source(), 0..3),
            text(),
        ),
        (proptest::option::of(text()), proptest::option::of(text())),
    )
        .prop_map(
            |(
                (id, issue, kind, summary),
                (stance, range, salience, firmness, estimated),
                (conditions, sources, notes),
                (from, until),
            )| {
                Statement {
                    id,
                    issue,
                    kind,
                    summary,
                    stance,
                    range: range.map(|(min, max)| Range { min, max }),
                    salience,
                    firmness,
                    estimated,
                    conditions,
                    sources,
                    notes,
                    from,
                    until,
                }
            },
        )
}

fn party_file() -> impl Strategy<Value = PartyFile> {
    (
        (
            text(),
            text(),
            text(),
            text(),
            proptest::option::of(number()),
            text(),
        ),
        (0u32..5, text(), text()),
        proptest::collection::vec(statement(), 0..4),
    )
        .prop_map(
            |(
                (id, name, short_name, colour, capability, notes),
                (format, as_of, summary),
                statements,
            )| {
                PartyFile {
                    format,
                    party: Party {
                        members: Vec::new(),
                        id,
                        name,
                        short_name,
                        colour,
                        capability,
                        notes,
                    },
                    as_of,
                    summary,
                    statements,
                }
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn what_is_written_reads_back_equal_and_rewrites_identically(file in party_file()) {
        let written = to_canonical_ron(&file).unwrap();
        let parsed = parse_ron::<PartyFile>(&written).unwrap();
        prop_assert!(parsed.unknown_fields.is_empty());
        prop_assert_eq!(&parsed.value, &file);
        prop_assert_eq!(to_canonical_ron(&parsed.value).unwrap(), written);
    }
}

#[test]
fn the_bundled_data_survives_a_save_and_load_through_disk() {
    let bundled =
        load(&[std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/ukraine-2022")]);
    let dir = tempfile::tempdir().unwrap();
    for party in &bundled.negotiation.parties {
        let name = party.path.file_name().unwrap();
        let copy = dir.path().join(name);
        save_party(&copy, &party.data, SaveMode::RefuseLoss).unwrap();
        let first = std::fs::read(&copy).unwrap();
        save_party(&copy, &party.data, SaveMode::RefuseLoss).unwrap();
        assert_eq!(
            std::fs::read(&copy).unwrap(),
            first,
            "saving twice changed the bytes"
        );
        // The bundled files are kept in canonical form, byte for byte.
        assert_eq!(first, std::fs::read(&party.path).unwrap());
    }
    std::fs::copy(
        bundled.negotiation.agenda.as_ref().unwrap().path.clone(),
        dir.path().join("agenda.ron"),
    )
    .unwrap();
    let reloaded = load(&[dir.path().to_owned()]);
    assert_eq!(reloaded.problems, []);
    let data = |negotiation: &common_ground_core::negotiation::Negotiation| {
        negotiation
            .parties
            .iter()
            .map(|p| p.data.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(data(&reloaded.negotiation), data(&bundled.negotiation));
}
