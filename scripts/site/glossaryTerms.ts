// Abbreviations of children's social care and of the pack itself, with their
// meanings: the built-in list the pack's glossary draws on (only the terms a
// pack actually uses are printed). An authority adds or rewords terms in
// authority.yaml (`glossary:`). `forms` are other spellings that count as the
// term appearing (the source's "cyp" for CYP).
export interface GlossaryTerm {
  term: string;
  meaning: string;
  forms?: string[];
}

export const GLOSSARY_TERMS: GlossaryTerm[] = [
  { term: "A1", meaning: "Adoption scorecard measure A1: average days between a child entering care and moving in with their adoptive family, for children who were adopted" },
  { term: "A2", meaning: "Adoption scorecard measure A2: average days between the court's placement order and the local authority deciding on a match with an adoptive family" },
  { term: "A10", meaning: "Adoption scorecard measure A10: as A1, but counting a child adopted by their foster carers as placed from the day they moved in with them" },
  { term: "ASYE", meaning: "Assessed and supported year in employment (a newly qualified social worker's first year)" },
  { term: "CAMHS", meaning: "Child and adolescent mental health services" },
  { term: "CCE", meaning: "Child criminal exploitation" },
  { term: "CIN", meaning: "Child in need: a child the local authority supports under section 17 of the Children Act 1989" },
  { term: "CLA", meaning: "Child looked after (the same as LAC)" },
  { term: "CP", meaning: "Child protection" },
  { term: "CPP", meaning: "Child protection plan" },
  { term: "CSC", meaning: "Children's social care" },
  { term: "CSE", meaning: "Child sexual exploitation" },
  { term: "CYP", meaning: "Children and young people", forms: ["cyp"] },
  { term: "DfE", meaning: "Department for Education" },
  { term: "DoT", meaning: "Direction of travel: the month's figure compared with the month before" },
  { term: "EET", meaning: "In education, employment or training" },
  { term: "EH", meaning: "Early help: support for a family before a referral to children's social care" },
  { term: "EHCP", meaning: "Education, health and care plan (for a child with special educational needs)" },
  { term: "ePEP", meaning: "Electronic personal education plan: the system that holds PEPs" },
  { term: "FTE", meaning: "Full-time equivalent" },
  { term: "IHA", meaning: "Initial health assessment of a child who has become looked after" },
  { term: "ICPC", meaning: "Initial child protection conference" },
  { term: "IRO", meaning: "Independent reviewing officer" },
  { term: "LA", meaning: "Local authority" },
  { term: "LAC", meaning: "Looked after child (or children): in the care of the local authority" },
  { term: "LADO", meaning: "Local authority designated officer (allegations against people who work with children)" },
  { term: "MASH", meaning: "Multi-agency safeguarding hub" },
  { term: "NEET", meaning: "Not in education, employment or training" },
  { term: "NHS", meaning: "National Health Service" },
  { term: "PEP", meaning: "Personal education plan of a looked after child" },
  { term: "PLO", meaning: "Public Law Outline: the process before care proceedings" },
  { term: "RAG", meaning: "Red, amber, green: the rating of a figure against its target and tolerances" },
  { term: "RCPC", meaning: "Review child protection conference" },
  { term: "RHA", meaning: "Review health assessment of a looked after child" },
  { term: "S17", meaning: "Section 17 of the Children Act 1989: services for children in need" },
  { term: "S20", meaning: "Section 20 of the Children Act 1989: a child looked after with the parents' agreement" },
  { term: "S31", meaning: "Section 31 of the Children Act 1989: a care order" },
  { term: "S47", meaning: "Section 47 of the Children Act 1989: enquiries when a child is suspected to be suffering, or likely to suffer, significant harm" },
  { term: "SEND", meaning: "Special educational needs and disabilities" },
  { term: "SGO", meaning: "Special guardianship order" },
  { term: "SHOBPA", meaning: "Should be placed for adoption: the agency's decision that adoption is the plan for a child" },
  { term: "SN", meaning: "Statistical neighbours: the councils most like this one, by the Department for Education's model" },
  { term: "SPC", meaning: "Statistical process control: telling a real change in a figure from its usual variation" },
  { term: "SW", meaning: "Social worker" },
  { term: "UASC", meaning: "Unaccompanied asylum-seeking child (or children)" },
  { term: "YOS", meaning: "Youth offending service" },
  { term: "YTD", meaning: "Year to date: from the start of the reporting year to the report month" },
];
