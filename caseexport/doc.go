// Package caseexport writes a career ladder as a 1EdTech CASE 1.1
// (Competencies and Academic Standards Exchange) CFPackage: the JSON that
// CASE servers serve from /ims/case/v1p1/CFPackages/{id} and that CASE
// tools import.
//
// [Write] maps the ladder as follows. Every identifier is a name-based
// UUID (version 5, SHA-1, RFC 9562) in a namespace derived from the ladder
// id, so exporting the same ladder twice gives the same identifiers, and
// the same bytes.
//
//   - CFDocument: the ladder (title, version, description), with
//     caseVersion "1.1", the creator and adoption status of [Options], and
//     the ladder-only rules in extensions.careerladder: thresholds, titles,
//     the evidence policy, and for every level its grade, tolerance and
//     gates (each as its text and its raw fields).
//   - CFItems, in ladder order: one "Category" item per category, one
//     "Competency" item per capability (fullStatement is the summary, or the
//     name; humanCodingScheme is the code), one "Track" item per track and
//     one "Level" item per level (fullStatement is the name and summary).
//   - CFAssociations: categories, tracks and capabilities without a category
//     are children (isChildOf) of the document, capabilities of their
//     category and levels of their track, numbered in ladder order by
//     sequenceNumber; each level "precedes" the next one on its track; and
//     each level "isRelatedTo" every capability it expects, with the
//     expected rating (a rating id, or "n/a") and the identifier of its
//     CFRubricCriterionLevel in extensions.careerladder. The title of each
//     end is the name of the item (the document title for the document).
//   - CFRubrics: one rubric with a criterion per capability (category is
//     the name of the capability's category, absent when it has none;
//     description its summary; CFItemURI its item; weight its points
//     factor; position its place in the ladder; the capability and scale
//     ids in extensions.careerladder) and a criterion level per rating of
//     its scale (quality is the rating label, score its points, position
//     its rank, 0 for the lowest, description the capability's descriptor
//     summary at that rating, and the rating id in extensions).
//
// The export never reads the clock: every lastChangeDateTime is
// [Options].LastChange, or the start of the ladder's updated day (UTC),
// or 1970-01-01T00:00:00+00:00 when the ladder has none.
//
// Every uri is BaseURI/KIND/IDENTIFIER, where BaseURI is an absolute http
// or https URI (see [Options]) and KIND is the CASE REST collection of the
// object: CFDocuments, CFItems, CFAssociations, CFRubrics,
// CFRubricCriteria or CFRubricCriterionLevels. The package itself is
// BaseURI/CFPackages/IDENTIFIER of the document, but a package does not
// name its own uri: CASE 1.1 gives the CFDocument of a package
// (CFPckgDocument) no CFPackageURI, and its schema allows no field it does
// not define.
//
// # Validity
//
// Every package validates against 1EdTech's JSON Schema for a CASE 1.1
// CFPackage (case_v1p1_cfpackage-jsonschema1.json, draft 2019-09), which
// closes every class to the fields CASE defines; the repository's CI
// checks the export of every reference ladder with an independent
// validator. What CASE has no field for goes into extensions, the only
// open place, under the key "careerladder": in the document (the rules),
// an association (the expected rating), a criterion and a criterion
// level. The extensions of a criterion level are an array in CASE 1.1,
// unlike those of every other class, so there they are an array of one
// object, [{"careerladder": {"rating": ID}}]. Items carry no extensions.
//
// Not exported, since CASE has no field for them: the names and
// descriptions of scales, the descriptions of ratings, and the signals
// and examples of descriptors.
package caseexport
