package careerladder_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/careerladder/careerladder/ladder"
)

// TestDocumented checks that every package has a doc.go with the package
// comment and that every exported identifier has a doc comment.
func TestDocumented(t *testing.T) {
	dirs := map[string]bool{}
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".") && path != ".") {
			return filepath.SkipDir
		}
		if !d.IsDir() && strings.HasSuffix(path, ".go") && !strings.HasSuffix(path, "_test.go") {
			dirs[filepath.Dir(path)] = true
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for dir := range dirs {
		fset := token.NewFileSet()
		pkgs, err := parser.ParseDir(fset, dir, func(fi fs.FileInfo) bool { return !strings.HasSuffix(fi.Name(), "_test.go") }, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		for name, pkg := range pkgs {
			if name == "main" {
				continue
			}
			doc, ok := pkg.Files[filepath.Join(dir, "doc.go")]
			if !ok || doc.Doc == nil {
				t.Errorf("%s: no doc.go with a package comment", dir)
			}
			for file, f := range pkg.Files {
				checkDecls(t, fset, file, f)
			}
		}
	}
}

func checkDecls(t *testing.T, fset *token.FileSet, file string, f *ast.File) {
	t.Helper()
	missing := func(pos token.Pos, name string) {
		t.Errorf("%s: %s has no doc comment", fset.Position(pos), name)
	}
	for _, decl := range f.Decls {
		switch d := decl.(type) {
		case *ast.FuncDecl:
			if d.Name.IsExported() && d.Doc == nil && (d.Recv == nil || exportedRecv(d.Recv)) {
				missing(d.Pos(), d.Name.Name)
			}
		case *ast.GenDecl:
			for _, spec := range d.Specs {
				switch s := spec.(type) {
				case *ast.TypeSpec:
					if s.Name.IsExported() && s.Doc == nil && d.Doc == nil {
						missing(s.Pos(), s.Name.Name)
					}
					if st, ok := s.Type.(*ast.StructType); ok && s.Name.IsExported() {
						for _, fld := range st.Fields.List {
							for _, n := range fld.Names {
								if n.IsExported() && fld.Doc == nil && fld.Comment == nil {
									missing(n.Pos(), s.Name.Name+"."+n.Name)
								}
							}
						}
					}
				case *ast.ValueSpec:
					for _, n := range s.Names {
						if n.IsExported() && s.Doc == nil && s.Comment == nil && d.Doc == nil {
							missing(n.Pos(), n.Name)
						}
					}
				}
			}
		}
	}
}

func exportedRecv(fl *ast.FieldList) bool {
	typ := fl.List[0].Type
	if st, ok := typ.(*ast.StarExpr); ok {
		typ = st.X
	}
	id, ok := typ.(*ast.Ident)
	return ok && id.IsExported()
}

// TestCodeTable checks that the package documentation of ladder lists every
// diagnostic code.
func TestCodeTable(t *testing.T) {
	doc, err := os.ReadFile("ladder/doc.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range ladder.Codes() {
		if !strings.Contains(string(doc), "//\t"+string(c)+" ") {
			t.Errorf("code %s is not in the table in ladder/doc.go", c)
		}
	}
}
