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
//     factor; position its place in the ladder) and a criterion level
//     per rating of its scale (quality is the rating label, score its
//     points, position its rank, 0 for the lowest, description the
//     capability's descriptor summary at that rating, and the rating id in
//     extensions, which for a criterion level CASE 1.1 makes an array: one
//     element, {"careerladder": {"rating": ID}}).
//
// The ladder format has no dates, and the export never reads the clock:
// every lastChangeDateTime is [Options].LastChange, or
// 1970-01-01T00:00:00+00:00 when that is empty.
//
// Every uri is BaseURI/KIND/IDENTIFIER, where KIND is the CASE REST
// collection of the object: CFDocuments, CFItems, CFAssociations,
// CFRubrics, CFRubricCriteria or CFRubricCriterionLevels. The package
// itself is BaseURI/CFPackages/IDENTIFIER of the document, but a package
// does not name its own uri: CASE 1.1 gives the CFDocument of a package
// (CFPckgDocument) no CFPackageURI, and its schema allows no field it does
// not define.
package caseexport
