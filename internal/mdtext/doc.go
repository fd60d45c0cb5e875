// Package mdtext escapes text from ladders and evidence for the Markdown
// that the module writes (ladder pages, promotion packets), so that it
// renders as the text it is under CommonMark and GitHub Flavored Markdown:
// no markup, no HTML, no block of its own and no link. It is one rule for
// every Markdown writer; the writers' tests render their pages with
// cmark-gfm to hold it to that.
package mdtext
