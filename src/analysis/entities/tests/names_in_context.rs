//! Names read from their context: modifiers, places, institutions,
//! lists, bios and newsroom jobs around them.

use super::*;

#[test]
fn a_person_named_often_as_a_modifier_is_still_a_person() {
    let text = "Dana Okafor won in 2008. The Okafor administration grew. Critics of the \
                Okafor administration were loud, and the Okafor plan stalled. \
                Okafor aides left, and the Okafor team shrank. Okafor said little.";
    assert_eq!(kind_of(text, "Dana Okafor"), Some(EntityKind::Person));
    // a name that is only ever a modifier, with a determiner, is no person
    let text = "The Harbourline fleet grew. The Harbourline ferries run late.";
    assert_ne!(kind_of(text, "Harbourline"), Some(EntityKind::Person));
}

#[test]
fn a_surname_that_is_also_a_title_does_not_join_the_place_after_it() {
    let text = "Representative Peter T. King of New York said the race was open.";
    assert_eq!(kind_of(text, "Peter T. King"), Some(EntityKind::Person));
    assert_eq!(kind_of(text, "New York"), Some(EntityKind::Place));
    // a title opening the name still takes its "of"
    let text = "The Minister of Health, Ana Roe, spoke.";
    assert!(
        all_names(text)
            .iter()
            .any(|n| n == "Minister of Health" || n == "Ana Roe")
    );
    assert!(all_names(text).iter().all(|n| n != "Health"));
}

#[test]
fn a_name_ending_in_an_acronym_is_no_person_unless_the_acronym_is_a_suffix() {
    let text = "Spending rose again. An August PBO report found the gap had grown.";
    assert!(
        names_of(text, EntityKind::Person).is_empty(),
        "{:?}",
        all_names(text)
    );
    let text = "The vote was close, said Dana Whitfield MP, who sits for Harbourside.";
    assert!(
        names_of(text, EntityKind::Person)
            .iter()
            .any(|n| n.starts_with("Dana Whitfield")),
        "{:?}",
        all_names(text)
    );
}

#[test]
fn a_surname_that_is_also_a_place_noun_names_a_person_after_a_given_name() {
    let text = "Ana Ruiz met Tom Hill on Monday.\n\nHill said the talks went well.";
    assert_eq!(kind_of(text, "Tom Hill"), Some(EntityKind::Person));
    assert_eq!(mentions(text, "Tom Hill"), ["Tom Hill", "Hill"]);
    // a place noun after a word that is no given name is no surname
    let text = "Protesters gathered on Beacon Hill on Monday.";
    assert_eq!(kind_of(text, "Beacon Hill"), Some(EntityKind::Place));
}

#[test]
fn a_full_name_before_of_and_an_institution_is_a_person_and_an_organisation() {
    let text = "“It was a long shot,” said Marta Quell of the University of Lisbon Law School.";
    assert_eq!(kind_of(text, "Marta Quell"), Some(EntityKind::Person));
    assert_eq!(
        kind_of(text, "University of Lisbon Law School"),
        Some(EntityKind::Organization)
    );
    // an institution's own name still joins over "of"
    let text = "Officials at the Bank of Montreal said rates would rise.";
    assert_eq!(
        kind_of(text, "Bank of Montreal"),
        Some(EntityKind::Organization)
    );
}

#[test]
fn a_lone_surname_does_not_join_a_thing_named_after_it_by_its_first_word() {
    let text = "Supporters boarded the Trump Train in Ohio.\n\n\
                Trump said the rally was huge. Later Trump spoke again.";
    assert_eq!(mentions(text, "Trump Train"), ["Trump Train"]);
    // a given name alone still joins the one person who has it
    let text = "Priya Natarajan runs the lab. On Monday, Priya said the grant arrived.";
    assert_eq!(
        mentions(text, "Priya Natarajan"),
        ["Priya Natarajan", "Priya"]
    );
}

#[test]
fn a_reporting_verb_after_an_adverb_is_evidence_of_a_person() {
    let text = "The vote is on Friday. Later, Zorvath openly admitted that the plan had failed.";
    assert_eq!(kind_of(text, "Zorvath"), Some(EntityKind::Person));
}

#[test]
fn another_name_of_a_place_joins_the_place_the_article_writes_out() {
    let text = "Talks with the United States stalled. USA officials left, and America said little.";
    assert_eq!(
        mentions_of(text, "United States", Some(EntityKind::Place)),
        ["United States", "USA", "America"]
    );
    // without the full name, an alias stays what it is
    let text = "USA Today ran the story first.";
    assert!(all_names(text).iter().all(|n| n != "United States"));
}

#[test]
fn a_name_only_in_an_authors_bio_is_not_a_person_of_the_piece() {
    let text = "The ferry will run at night. “It helps,” Ana Roe said.\n\n\
                Lena Quist is a Toronto-based reporter covering transit. Follow her on Twitter.";
    assert_eq!(names_of(text, EntityKind::Person), ["Ana Roe"]);
    // a column's tagline, with or without the job between commas
    for tagline in [
        "Lena Quist, the Herald’s market strategist, writes exclusively for our subscribers.",
        "Lena Quist writes about transit for the Herald.",
    ] {
        let text = format!("The ferry will run at night. “It helps,” Ana Roe said.\n\n{tagline}");
        assert_eq!(
            names_of(&text, EntityKind::Person),
            ["Ana Roe"],
            "{tagline}"
        );
    }
    // writing something is no tagline
    let text = "The ferry will run at night. “It helps,” Ana Roe said.\n\n\
                Lena Quist writes letters to the council every week.";
    assert!(
        names_of(text, EntityKind::Person)
            .iter()
            .any(|n| n == "Lena Quist")
    );
    // named in the story too, the writer is one of its people
    let text = "Lena Quist rode the ferry with Ana Roe.\n\n\
                Lena Quist is the Star's transit reporter.";
    assert!(
        names_of(text, EntityKind::Person)
            .iter()
            .any(|n| n == "Lena Quist")
    );
}

#[test]
fn names_that_companies_including_introduces_are_organisations() {
    let text = "The tower holds offices of companies including Dorrin Vale, \
                Hekla Morrow and Pell Kessler. Dorrin Vale opened in May.";
    for name in ["Dorrin Vale", "Hekla Morrow", "Pell Kessler"] {
        assert_eq!(
            kind_of(text, name),
            Some(EntityKind::Organization),
            "{name}"
        );
    }
    // people in a list are not affected, nor a list no organisation noun
    // introduces
    let text = "Mayors such as Dorrin Vale and Hekla Morrow said they would attend.";
    assert_eq!(kind_of(text, "Dorrin Vale"), Some(EntityKind::Person));
    let org = |text: &str| {
        introducing_noun(text, text.len())
            .is_some_and(|tags| tags.contains(crate::analysis::lexicon::Tags::ORG_NOUN))
    };
    assert!(!org("leaders including "));
    assert!(org("firms such as "));
    assert!(org("Several banks like "));
    assert!(!org("the company including "));
}

#[test]
fn the_end_of_a_longer_name_written_before_is_its_compound_surname() {
    let text = "Architect Lorena Paz Akin designed the house. \
                \u{201c}We kept it simple,\u{201d} says Paz Akin.";
    assert_eq!(names_of(text, EntityKind::Person), ["Lorena Paz Akin"]);
    assert_eq!(
        mentions(text, "Lorena Paz Akin"),
        ["Lorena Paz Akin", "Paz Akin"]
    );
    // written before the longer name, the shorter one stays its own
    let text = "Paz Akin spoke first. Later, Lorena Paz Akin and Mai Lee spoke.";
    assert_eq!(mentions(text, "Lorena Paz Akin"), ["Lorena Paz Akin"]);
}

#[test]
fn names_that_a_plural_role_noun_introduces_are_people() {
    let text = "He called mass shooters such as Dorran Roof and Kell Vane his idols.";
    assert_eq!(kind_of(text, "Dorran Roof"), Some(EntityKind::Person));
    assert_eq!(kind_of(text, "Kell Vane"), Some(EntityKind::Person));
}

#[test]
fn a_year_after_an_article_is_no_reason_to_read_a_person() {
    let text = "Crowds marked the 1916 Corran Rising on Sunday. \
                The 2017 Dalby report said the line was late.";
    assert_ne!(kind_of(text, "Corran Rising"), Some(EntityKind::Person));
    assert_ne!(kind_of(text, "Dalby"), Some(EntityKind::Person));
}

#[test]
fn a_lone_name_listed_among_places_is_a_place() {
    let text = "Rallies in Toronto, Calgary, Brenloe and Vancouver drew crowds. \
                Brenloe saw the largest.";
    assert_eq!(kind_of(text, "Brenloe"), Some(EntityKind::Place));
    // beside a single place it may as well be a person
    let text = "Then Onyeka and Sydney argued. Onyeka left first.";
    assert_ne!(kind_of(text, "Onyeka"), Some(EntityKind::Place));
}

#[test]
fn a_month_abbreviation_that_is_a_given_name_opens_a_name() {
    let text = "The index was designed by Jan Hatzby, the bank's chief economist.";
    assert_eq!(names_of(text, EntityKind::Person), ["Jan Hatzby"]);
    let text = "On Jan. 5 Hatzby spoke.";
    assert!(!all_names(text).iter().any(|n| n.starts_with("Jan")));
}

#[test]
fn a_name_then_its_employer_then_a_reporting_verb_is_a_speaker() {
    let text = "\u{201c}More tariffs,\u{201d} Jingfei Pan of Kestrel Markets said.";
    assert_eq!(kind_of(text, "Jingfei Pan"), Some(EntityKind::Person));
}

#[test]
fn a_title_in_capitals_before_a_name_is_no_dateline() {
    let text = "Liberal MP Marko Mendel \u{2014} a former prosecutor \u{2014} said no.";
    assert_eq!(names_of(text, EntityKind::Person), ["Marko Mendel"]);
}

#[test]
fn a_name_after_a_newsroom_job_and_for_is_a_publication() {
    // a magazine named like a woman
    let text = "She was a columnist for Harper Quinn for eight years.";
    assert_ne!(kind_of(text, "Harper Quinn"), Some(EntityKind::Person));
    // the job of the person named is no such cue
    let text = "Columnist Dorrel Tabb wrote for eight years. Tabb retired.";
    assert_eq!(kind_of(text, "Dorrel Tabb"), Some(EntityKind::Person));
}

#[test]
fn a_surname_alone_joins_a_full_name_that_ends_in_a_generational_suffix() {
    let text = "Adm. Corwin B. Halloway Jr., who leads the fleet, spoke on Tuesday. \
                Later Halloway said the ships were ready.";
    assert_eq!(
        mentions(text, "Corwin B. Halloway Jr"),
        ["Corwin B. Halloway Jr", "Halloway"]
    );
    // the suffix itself names no one: a lone "Jr." joins nothing
    let text = "Corwin Halloway Jr. spoke. Jr. was a nickname at school.";
    assert_eq!(mentions(text, "Corwin Halloway Jr"), ["Corwin Halloway Jr"]);
}

#[test]
fn a_full_name_before_and_ends_there_but_an_organisations_and_joins() {
    let text = "Former Ambassador Ana Vell and Harbour News Network editor Tomas Rhee \
                spoke on Thursday. Vell said little.";
    assert_eq!(mentions(text, "Ana Vell"), ["Ana Vell", "Vell"]);
    assert_eq!(
        kind_of(text, "Harbour News Network"),
        Some(EntityKind::Organization)
    );
    // no given name first: the connector stays inside the organisation's name
    let text = "Quarry and Dunmore Publishing said on Monday it would close.";
    assert_eq!(
        kind_of(text, "Quarry and Dunmore Publishing"),
        Some(EntityKind::Organization)
    );
}

#[test]
fn a_generational_suffix_makes_a_name_a_persons() {
    // "Duncan" is a place too; only people carry "Sr."
    let text = "His father, Duncan Vellacott Sr., who once represented the district, \
                spoke on Monday.";
    assert_eq!(
        kind_of(text, "Duncan Vellacott Sr"),
        Some(EntityKind::Person)
    );
}

#[test]
fn an_apposition_headed_by_an_organisation_noun_names_an_organisation() {
    let text = "“The plan is unkind,” Norvena, the official state news agency, wrote on Monday.";
    assert_eq!(kind_of(text, "Norvena"), Some(EntityKind::Organization));
    let text = "Brightwell, a Toronto software firm that makes maps, said it would hire.";
    assert_eq!(kind_of(text, "Brightwell"), Some(EntityKind::Organization));
    // the head is someone's job: the agency's director, a lawyer for the firm
    let text = "Ada Okafor, the agency's director, said the plan was unkind.";
    assert_eq!(kind_of(text, "Ada Okafor"), Some(EntityKind::Person));
    let text = "Tomas Vell, a lawyer for the firm, said the plan was unkind.";
    assert_eq!(kind_of(text, "Tomas Vell"), Some(EntityKind::Person));
}

#[test]
fn a_list_mostly_of_places_makes_its_lone_names_places() {
    let text = "Rallies in Edmonton, Calgary, Brooks, Edson and Medicine Hat drew crowds.\n\n\
                In Brooks, nearly 450 trucks drove through town on Saturday.";
    assert_eq!(kind_of(text, "Brooks"), Some(EntityKind::Place));
    assert_eq!(kind_of(text, "Edson"), Some(EntityKind::Place));
    // two people beside two places: no kind wins, the names keep their own
    let text = "Ana Roe met Tomas Vell, Calgary and Edmonton officials said.";
    assert_eq!(kind_of(text, "Ana Roe"), Some(EntityKind::Person));
}

#[test]
fn a_role_word_opening_the_sentence_leaves_the_name_and_its_firm_apart() {
    let text = "Shares fell on Monday. Analyst Marcus Webb of Harbour Securities said \
                the results were weak.";
    assert_eq!(kind_of(text, "Marcus Webb"), Some(EntityKind::Person));
    assert_eq!(
        kind_of(text, "Harbour Securities"),
        Some(EntityKind::Organization)
    );
    // an organisation's own "of" still holds
    let text = "Shares fell on Monday. The Bank of Eastford said rates would hold.";
    assert!(all_names(text).iter().any(|n| n == "Bank of Eastford"));
}

#[test]
fn a_company_named_without_its_designator_is_the_same_company() {
    let text = "Utility's profit falls\n\nCoastal Power Corp. said its profit fell.\n\n\
                Shares of Coastal Power fell 3 per cent on the news.";
    assert_eq!(
        kind_of(text, "Coastal Power Corp"),
        Some(EntityKind::Organization)
    );
    assert_eq!(
        mentions(text, "Coastal Power Corp"),
        ["Coastal Power Corp", "Coastal Power"]
    );
    // a foundation named for a person leaves the person his name
    let text = "Gift for the library\n\nThe Ada Marsh Foundation gave $5,000.\n\n\
                Ada Marsh said she was proud.";
    assert_eq!(kind_of(text, "Ada Marsh"), Some(EntityKind::Person));
}

#[test]
fn names_of_other_origins_are_people_and_keep_their_given_name() {
    // given names the census list lacks, and "Jun" that abbreviates June
    let text = "Her spokesman, Jun Ferrer, said the roads were shut. \
                Kenji Watanabe and Kwame Boateng left early. \
                The dinner on Jun. 5 was cancelled.";
    assert_eq!(
        names_of(text, EntityKind::Person),
        ["Jun Ferrer", "Kenji Watanabe", "Kwame Boateng"]
    );
}

#[test]
fn a_title_that_is_a_given_name_opens_a_two_word_name() {
    let text = "Her opposite number, Dean Mallory, was less pleased. Mallory said so.";
    assert_eq!(mentions(text, "Dean Mallory"), ["Dean Mallory", "Mallory"]);
    // a longer run keeps the title: "Dean Jane Roe" is a dean
    let text = "Dean Jane Roe said the faculty would grow.";
    assert_eq!(names_of(text, EntityKind::Person), ["Jane Roe"]);
}

#[test]
fn party_and_state_tags_and_chamber_offices_name_no_one() {
    let text = "Sen. Ada Roe, R-Ohio, spoke first. Senate Majority Leader Ben Okafor, \
                D-Md., replied. Press secretary Dana Whitfield said nothing.";
    assert_eq!(
        names_of(text, EntityKind::Person),
        ["Ada Roe", "Ben Okafor", "Dana Whitfield"]
    );
    let stray = all_names(text)
        .into_iter()
        .filter(|n| n.contains('-') || n.contains("Majority") || n == "Press")
        .collect::<Vec<_>>();
    assert!(stray.is_empty(), "{stray:?}");
}

#[test]
fn a_name_written_surname_first_is_called_by_its_first_word() {
    let text = "Nguyen Thi Lan, a tourist, was stranded at the airport. \
                Later, Nguyen said flights had stopped.";
    assert_eq!(
        mentions(text, "Nguyen Thi Lan"),
        ["Nguyen Thi Lan", "Nguyen"]
    );
    // a firm named after its founder's surname is not called so by
    // this rule: its last word is a surname too
    let text = "Analysts at Goldman Sachs agreed. Later, Goldman said it would wait.";
    assert_eq!(mentions(text, "Goldman Sachs"), ["Goldman Sachs"]);
}

#[test]
fn a_bare_surname_names_a_namesake_already_introduced() {
    // "Hiroshi" alone later does not make the first "Tanaka" his wife,
    // who is not yet named there
    let text = "Hiroshi Tanaka runs the only restaurant in town. \
                Tanaka, 58, opened it in 2014. His wife, Keiko Tanaka, keeps the books. \
                Hiroshi spent two decades in hotel kitchens.";
    assert_eq!(
        mentions(text, "Hiroshi Tanaka"),
        ["Hiroshi Tanaka", "Tanaka", "Hiroshi"]
    );
    assert_eq!(mentions(text, "Keiko Tanaka"), ["Keiko Tanaka"]);
}

#[test]
fn an_office_of_several_words_stands_before_the_name() {
    let text = "Northwind Chief Executive Officer Sandra Oyelaran said the deal was done.";
    assert_eq!(names_of(text, EntityKind::Person), ["Sandra Oyelaran"]);
}

#[test]
fn a_company_is_called_by_the_word_before_its_designators() {
    let text = "Northwind said it would buy Skylark Airways Inc. for $2 billion. \
                Skylark has grown quickly.";
    assert_eq!(
        mentions(text, "Skylark Airways Inc"),
        ["Skylark Airways Inc", "Skylark"]
    );
    // a place before the designator is the place alone
    let text = "Canada Post raised its rates. Canada has ten provinces.";
    assert_eq!(mentions(text, "Canada Post"), ["Canada Post"]);
}

#[test]
fn two_particles_in_a_row_stay_in_the_name() {
    let text = "Commission President Ursula von der Leyen met Ana de la Cruz. \
                Von der Leyen said little.";
    assert_eq!(
        names_of(text, EntityKind::Person),
        ["Ursula von der Leyen", "Ana de la Cruz"]
    );
}

#[test]
fn a_surname_set_in_capitals_is_the_person_and_an_acronym_is_not() {
    let text = "Host Daniel Marsh pressed her on the cost.\n\n\
                MARSH: Were you wrong?\n\n\
                The LRT line opens in May, NATO said. Jane Lrt left.";
    assert_eq!(mentions(text, "Daniel Marsh"), ["Daniel Marsh", "MARSH"]);
    assert_eq!(mentions(text, "Jane Lrt"), ["Jane Lrt"]);
}

#[test]
fn three_names_without_a_given_name_or_a_person_cue_are_no_person() {
    let text = "Her new cookbook, Everyday Greens ($50, Harwood Mifflin Talbot), is out.";
    assert_ne!(
        kind_of(text, "Harwood Mifflin Talbot"),
        Some(EntityKind::Person)
    );
    // a given name, an initial or a title keeps a person's three names
    let text = "The prize went to Maria Elena Talbot, and T. Harwood Mifflin \
                thanked Judge Harwood Mifflin Talbot.";
    assert_eq!(
        names_of(text, EntityKind::Person),
        [
            "Maria Elena Talbot",
            "T. Harwood Mifflin",
            "Harwood Mifflin Talbot"
        ]
    );
}

#[test]
fn a_role_noun_opening_the_sentence_stands_before_the_name() {
    let text = "Evacuee Tom Gutierrez, 66, left. Shopkeeper Ana Lee stayed.";
    assert_eq!(
        names_of(text, EntityKind::Person),
        ["Tom Gutierrez", "Ana Lee"]
    );
    // a first word that is a given name stays in the name
    let text = "Spencer Tom Harlow spoke.";
    assert_eq!(names_of(text, EntityKind::Person), ["Spencer Tom Harlow"]);
}
