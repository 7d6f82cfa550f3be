// The discipline unit kinds (纪检监察机构, design.md "Accountability chain"): bodies that bear supervisory
// responsibility over the units they lead or supervise, and whose head (a SUPERVISORY post) is their own principal.
['DISCIPLINE_COMMISSION', 'DISCIPLINE_WORK_COMMITTEE', 'ORGAN_DISCIPLINE_COMMITTEE', 'STATIONED_DISCIPLINE_TEAM']
