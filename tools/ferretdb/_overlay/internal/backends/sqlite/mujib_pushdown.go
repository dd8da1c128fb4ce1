// Mujib's patch (tools/ferretdb/patches.json; this file is copied into FerretDB's source at
// build time): sort+limit and count-per-group pushdown for the SQLite backend, answered from
// the indexes FerretDB creates for declared indexes, so a console page reads O(page) rows
// instead of decoding the whole collection in Go (19 s for 100,000 tickets).
//
// Why only for queries that opt in (comment "mujib:typed"): an index holds each field's JSON
// text (`_ferretdb_sjson->'f'`), not its BSON type. A string, an ObjectID, a regex and binData
// all look like "abc"; an int, a double, a date and a timestamp all look like 123; and JSON
// text orders 10 before 9. Reading the type from the document's "$s" schema instead means
// parsing every row, which the pure-Go SQLite does at about 50 us a row (5-10 s for 100,000
// tickets: measured, not much better than FerretDB itself). So the caller promises what its
// schema guarantees, and this code checks what it can:
//
//   - the caller's promise: every field in the filter, the sort and the group key holds one
//     type (or is missing) in every document: a string of printable characters, a boolean, an
//     integer 0-9, or a date between 2001-09-09 and 2286-11-20; no arrays;
//   - checked on every row returned: the values have those types and the filter's types, and
//     each field holds one type; anything else and the pushdown gives up;
//   - checked on every statement (EXPLAIN QUERY PLAN): SQLite walks an index for every filter
//     term and in sort order, so the work is bounded by the page, never by the collection;
//     otherwise the pushdown gives up.
//
// Under that promise JSON-text order is FerretDB's order (missing first; then by value), a
// $in is run as one equality query per value (each in index order) and the handler merges
// them: it still filters, sorts, skips and limits what it gets. Giving up means running the
// query as unpatched FerretDB does. Ties: FerretDB sorts with sort.Sort (not stable), so the
// order of equal keys is not defined by it either.
package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/FerretDB/FerretDB/internal/backends"
	"github.com/FerretDB/FerretDB/internal/backends/sqlite/metadata"
	"github.com/FerretDB/FerretDB/internal/handler/sjson"
	"github.com/FerretDB/FerretDB/internal/types"
	"github.com/FerretDB/FerretDB/internal/util/fsql"
	"github.com/FerretDB/FerretDB/internal/util/iterator"
	"github.com/FerretDB/FerretDB/internal/util/lazyerrors"
	"github.com/FerretDB/FerretDB/internal/util/must"
)

// MujibTypedComment is the comment with which a find or aggregate opts in.
const MujibTypedComment = "mujib:typed"

const (
	mujibMaxCombos = 32   // equality queries a filter's $in values expand to
	mujibMaxGroups = 1000 // groups a count per group reads
	mujibMaxSeeks  = 64   // index seeks checking the sort keys of one equality query
)

// mujibEq is one equality condition: field k equals v (a string or a bool).
type mujibEq struct {
	k string
	v any
}

// mujibCombos expands filter into equality conditions, one list per combination of $in values.
func mujibCombos(filter *types.Document) ([][]mujibEq, bool) {
	combos := [][]mujibEq{nil}

	for _, k := range filter.Keys() {
		if !pushdownField(k) {
			return nil, false
		}

		v := must.NotFail(filter.Get(k))
		if pushdownPrefix(v) != "" {
			return nil, false
		}

		vals := pushdownValues(v)
		if len(vals) == 0 || len(combos)*len(vals) > mujibMaxCombos {
			return nil, false
		}

		for _, val := range vals {
			switch val.(type) {
			case string, bool:
			default:
				return nil, false
			}
		}

		next := make([][]mujibEq, 0, len(combos)*len(vals))

		for _, c := range combos {
			for _, val := range vals {
				next = append(next, append(append([]mujibEq(nil), c...), mujibEq{k, val}))
			}
		}

		combos = next
	}

	return combos, true
}

// mujibWhere renders equality conditions the way the indexes are written.
func mujibWhere(eqs []mujibEq) ([]string, []any) {
	conds := make([]string, 0, len(eqs))
	args := make([]any, 0, len(eqs))

	for _, e := range eqs {
		conds = append(conds, metadata.DefaultColumn+"->'"+e.k+"' = (? -> '$')")
		args = append(args, string(must.NotFail(sjson.MarshalSingleValue(e.v))))
	}

	return conds, args
}

// mujibIndexed reports whether SQLite answers q from an index: a SEARCH using every one of the
// `terms` WHERE conditions (or, with none, a SCAN of an index), and no sort of the whole result.
func mujibIndexed(ctx context.Context, db *fsql.DB, q string, args []any, terms int) (bool, error) {
	rows, err := db.QueryContext(ctx, "EXPLAIN QUERY PLAN "+q, args...)
	if err != nil {
		return false, lazyerrors.Error(err)
	}
	defer rows.Close()

	ok := false

	for rows.Next() {
		var id, parent, notused int64
		var detail string

		if err = rows.Scan(&id, &parent, &notused, &detail); err != nil {
			return false, lazyerrors.Error(err)
		}

		switch {
		case strings.HasPrefix(detail, "SEARCH ") && strings.Contains(detail, " INDEX "):
			ok = strings.Count(detail, "<expr>") >= terms && terms > 0
		case strings.HasPrefix(detail, "SCAN ") && strings.Contains(detail, " INDEX ") && terms == 0:
			ok = true
		case detail == "USE TEMP B-TREE FOR ORDER BY":
			return false, nil // the whole result sorted: not bounded by the page
		case strings.HasPrefix(detail, "USE TEMP B-TREE FOR"):
			// the right part of ORDER BY: ties of the indexed part, read group by group
		default:
			return false, nil
		}
	}

	return ok, rows.Err()
}

// mujibClass is the type class of a value for the promise above ("" if outside it).
func mujibClass(v any, present bool) string {
	if !present {
		return "missing"
	}

	switch v := v.(type) {
	case string:
		if !utf8.ValidString(v) {
			return ""
		}

		for _, r := range v {
			// JSON text keeps their order; quotes, backslashes, control characters, <>&
			// and U+2028/9 are escaped and would not (a space or ! sorts before the closing quote).
			if r < '#' || r == '\\' || r == '<' || r == '>' || r == '&' || r == '\u2028' || r == '\u2029' {
				return ""
			}
		}

		return "string"
	case bool:
		return "bool"
	case int32:
		if v >= 0 && v <= 9 {
			return "digit"
		}
	case int64:
		if v >= 0 && v <= 9 {
			return "digit"
		}
	case time.Time:
		if ms := v.UnixMilli(); ms >= 1e12 && ms < 1e13 {
			return "date"
		}
	}

	return ""
}

// mujibCheck checks the returned documents against the promise; classes carries each field's
// class across calls.
func mujibCheck(docs []*types.Document, eqs []mujibEq, fields []string, classes map[string]string) bool {
	for _, d := range docs {
		for _, e := range eqs {
			v, err := d.Get(e.k)
			if err != nil || fmt.Sprintf("%T", v) != fmt.Sprintf("%T", e.v) {
				return false // same JSON text, another type (a regex, an ObjectID...)
			}
		}

		for _, f := range fields {
			v, err := d.Get(f)

			c := mujibClass(v, err == nil)
			if c == "" {
				return false
			}

			if c == "missing" {
				continue
			}

			if prev, seen := classes[f]; seen && prev != c {
				return false
			}

			classes[f] = c
		}
	}

	return true
}

// mujibStmt is one SQL statement of a pushdown, with the equality conditions it reads under.
type mujibStmt struct {
	q     string
	args  []any
	terms int
	eqs   []mujibEq
}

// mujibSortStatements returns one statement per equality combination for a sorted, limited find.
func mujibSortStatements(meta *metadata.Collection, filter, sort *types.Document, limit int64) ([]mujibStmt, bool) {
	if sort.Len() == 0 || limit <= 0 || meta.Capped() {
		return nil, false
	}

	combos, ok := mujibCombos(filter)
	if !ok {
		return nil, false
	}

	var order []string

	for _, k := range sort.Keys() {
		if !pushdownField(k) {
			return nil, false
		}

		// written exactly as the index is (->"k"), or SQLite does not walk it in order
		switch must.NotFail(sort.Get(k)) {
		case int64(1):
			order = append(order, metadata.DefaultColumn+`->"`+k+`"`)
		case int64(-1):
			order = append(order, metadata.DefaultColumn+`->"`+k+`" DESC`)
		default:
			return nil, false
		}
	}

	stmts := make([]mujibStmt, 0, len(combos))

	for _, eqs := range combos {
		conds, args := mujibWhere(eqs)

		q := fmt.Sprintf(`SELECT %s FROM %q`, metadata.DefaultColumn, meta.TableName)
		if len(conds) > 0 {
			q += " WHERE " + strings.Join(conds, " AND ")
		}

		q += " ORDER BY " + strings.Join(order, ", ") + " LIMIT ?"
		stmts = append(stmts, mujibStmt{q, append(args, limit), len(conds), eqs})
	}

	return stmts, true
}

// mujibSortedQuery answers a find with SortHint and LimitHint, or returns ok false.
func mujibSortedQuery(ctx context.Context, db *fsql.DB, meta *metadata.Collection, params *backends.QueryParams) (*backends.QueryResult, bool, error) {
	if params.Comment != MujibTypedComment || params.OnlyRecordIDs {
		return nil, false, nil
	}

	stmts, ok := mujibSortStatements(meta, params.Filter, params.SortHint, params.LimitHint)
	if !ok {
		return nil, false, nil
	}

	var docs []*types.Document
	classes := map[string]string{}

	for _, st := range stmts {
		if ok, err := mujibIndexed(ctx, db, st.q, st.args, st.terms); err != nil || !ok {
			return nil, false, err
		}

		budget := mujibMaxSeeks
		if ok, err := mujibUniform(ctx, db, meta, st.eqs, params.SortHint.Keys(), 0, nil, nil, &budget); err != nil || !ok {
			return nil, false, err
		}

		got, err := mujibRead(ctx, db, st.q, st.args)
		if err != nil {
			return nil, false, err
		}

		if !mujibCheck(got, st.eqs, params.SortHint.Keys(), classes) {
			return nil, false, nil
		}

		docs = append(docs, got...)
	}

	return &backends.QueryResult{Iter: iterator.Values(iterator.ForSlice(docs))}, true, nil
}

// mujibTextClass is the class of a JSON text by its first character: a string (or something
// stored as one), a number (or a date), a boolean; "" for null, a negative number, an array, a
// document.
func mujibTextClass(text string) string {
	switch {
	case strings.HasPrefix(text, `"`):
		return "string"
	case text != "" && text[0] >= '0' && text[0] <= '9':
		return "number"
	case text == "true" || text == "false":
		return "bool"
	default:
		return ""
	}
}

// mujibUniform checks with index seeks that sort key keys[i], among the documents matching eqs
// and the conditions pre (values of the keys before it), holds texts of one class: the first
// and the last in the index are of the same class, so every one between them is (a null, a
// negative number, an array or a document among them would sit at one end). It goes on to the
// next key for each distinct value of this one, while budget seeks last; keys not walked in an
// index, or beyond the budget, are checked only on the rows returned.
func mujibUniform(ctx context.Context, db *fsql.DB, meta *metadata.Collection, eqs []mujibEq, keys []string, i int, pre []string, preArgs []any, budget *int) (bool, error) {
	if i >= len(keys) || *budget <= 0 {
		return true, nil
	}

	conds, args := mujibWhere(eqs)
	conds = append(conds, pre...)
	args = append(args, preArgs...)

	col := metadata.DefaultColumn + "->'" + keys[i] + "'"
	ord := metadata.DefaultColumn + `->"` + keys[i] + `"`
	where := " WHERE " + strings.Join(append(append([]string(nil), conds...), col+" > ''"), " AND ")
	table := fmt.Sprintf("%q", meta.TableName)

	end := func(dir string) (*string, bool, error) {
		*budget--

		q := "SELECT " + col + " FROM " + table + where + " ORDER BY " + ord + dir + " LIMIT 1"
		if ok, err := mujibIndexed(ctx, db, q, args, len(conds)+1); err != nil || !ok {
			return nil, false, err
		}

		var text *string
		if err := db.QueryRowContext(ctx, q, args...).Scan(&text); err != nil && !errors.Is(err, sql.ErrNoRows) {
			return nil, false, lazyerrors.Error(err)
		}

		return text, true, nil
	}

	first, indexed, err := end("")
	if err != nil || !indexed {
		return true, err // not walked in an index: left to the checks of returned rows
	}

	last, indexed, err := end(" DESC")
	if err != nil || !indexed {
		return true, err
	}

	if first != nil && (last == nil || mujibTextClass(*first) == "" || mujibTextClass(*first) != mujibTextClass(*last)) {
		return false, nil
	}

	if i+1 >= len(keys) {
		return true, nil
	}

	// the next key, for documents without this one, then for each of its values
	if ok, err := mujibUniform(ctx, db, meta, eqs, keys, i+1, append(append([]string(nil), pre...), col+" IS NULL"), preArgs, budget); err != nil || !ok {
		return ok, err
	}

	next := "SELECT " + col + " FROM " + table + " WHERE " + strings.Join(append(append([]string(nil), conds...), col+" > ?"), " AND ") +
		" ORDER BY " + ord + " LIMIT 1"

	for v := ""; *budget > 0; {
		*budget--

		var text *string
		if err := db.QueryRowContext(ctx, next, append(append([]any(nil), args...), v)...).Scan(&text); err != nil {
			if errors.Is(err, sql.ErrNoRows) {
				return true, nil
			}

			return false, lazyerrors.Error(err)
		}

		if text == nil {
			return true, nil
		}

		v = *text

		ok, err := mujibUniform(ctx, db, meta, eqs, keys, i+1, append(append([]string(nil), pre...), col+" = ?"), append(append([]any(nil), preArgs...), v), budget)
		if err != nil || !ok {
			return ok, err
		}
	}

	return true, nil
}

// mujibRead returns the documents q selects.
func mujibRead(ctx context.Context, db *fsql.DB, q string, args []any) ([]*types.Document, error) {
	rows, err := db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, lazyerrors.Error(err)
	}
	defer rows.Close()

	var docs []*types.Document

	for rows.Next() {
		var b []byte
		if err = rows.Scan(&b); err != nil {
			return nil, lazyerrors.Error(err)
		}

		doc, err := sjson.Unmarshal(b)
		if err != nil {
			return nil, lazyerrors.Error(err)
		}

		docs = append(docs, doc)
	}

	return docs, rows.Err()
}

// mujibGroupStatements returns, per equality combination, the statements of a count per
// group: a count (constant key), or the count of documents without the key, the query for the
// next distinct key after ? in the index, and the count of one key (?).
func mujibGroupStatements(meta *metadata.Collection, filter *types.Document, g *backends.GroupCountHint) ([][]mujibStmt, bool) {
	if g == nil || meta.Capped() || (g.Field != "" && !pushdownField(g.Field)) {
		return nil, false
	}

	combos, ok := mujibCombos(filter)
	if !ok {
		return nil, false
	}

	table := fmt.Sprintf("%q", meta.TableName)
	res := make([][]mujibStmt, 0, len(combos))

	for _, eqs := range combos {
		conds, args := mujibWhere(eqs)
		stmt := func(sel string, extra string, order string) mujibStmt {
			cs := append([]string(nil), conds...)
			if extra != "" {
				cs = append(cs, extra)
			}

			q := sel + " FROM " + table
			if len(cs) > 0 {
				q += " WHERE " + strings.Join(cs, " AND ")
			}

			return mujibStmt{q + order, append([]any(nil), args...), len(cs), eqs}
		}

		if g.Field == "" {
			res = append(res, []mujibStmt{stmt("SELECT count(*)", "", "")})
			continue
		}

		col := metadata.DefaultColumn + "->'" + g.Field + "'"
		res = append(res, []mujibStmt{
			stmt("SELECT count(*)", col+" IS NULL", ""),
			stmt("SELECT "+col, col+" > ?", " ORDER BY "+metadata.DefaultColumn+`->"`+g.Field+`" LIMIT 1`),
			stmt("SELECT count(*)", col+" = ?", ""),
		})
	}

	return res, true
}

// mujibGroupedQuery answers [{$match}, {$group: {_id, n: {$sum: 1}}}] (GroupCountHint) with
// one document per group, from index seeks: the distinct keys one after another, then a count
// of each. Returns ok false to give up.
func mujibGroupedQuery(ctx context.Context, db *fsql.DB, meta *metadata.Collection, params *backends.QueryParams) (*backends.QueryResult, bool, error) {
	g := params.GroupCountHint
	if g == nil || params.Comment != MujibTypedComment || params.OnlyRecordIDs {
		return nil, false, nil
	}

	groups, ok := mujibGroupStatements(meta, params.Filter, g)
	if !ok {
		return nil, false, nil
	}

	counts := map[any]int64{}
	var keys []any
	add := func(k any, n int64) {
		if n == 0 {
			return
		}

		if _, seen := counts[k]; !seen {
			keys = append(keys, k)
		}

		counts[k] += n
	}

	// explained once per statement; an argument only changes the value sought
	count := func(st mujibStmt, extra ...any) (int64, bool, error) {
		a := append(append([]any(nil), st.args...), extra...)
		if ok, err := mujibIndexed(ctx, db, st.q, a, st.terms); err != nil || !ok {
			return 0, false, err
		}

		var n int64
		if err := db.QueryRowContext(ctx, st.q, a...).Scan(&n); err != nil {
			return 0, false, lazyerrors.Error(err)
		}

		return n, true, nil
	}

	for _, sts := range groups {
		if g.Field == "" {
			n, ok, err := count(sts[0])
			if err != nil || !ok {
				return nil, false, err
			}

			add(g.Constant, n)

			continue
		}

		// documents without the field (one group with null)
		n, ok, err := count(sts[0])
		if err != nil || !ok {
			return nil, false, err
		}

		add(types.Null, n)

		next, one := sts[1], sts[2]
		if ok, err := mujibIndexed(ctx, db, next.q, append(append([]any(nil), next.args...), ""), next.terms); err != nil || !ok {
			return nil, false, err
		}

		if ok, err := mujibIndexed(ctx, db, one.q, append(append([]any(nil), one.args...), ""), one.terms); err != nil || !ok {
			return nil, false, err
		}

		class := ""

		for last, steps := "", 0; ; steps++ {
			if steps > mujibMaxGroups {
				return nil, false, nil
			}

			var text *string
			if err := db.QueryRowContext(ctx, next.q, append(append([]any(nil), next.args...), last)...).Scan(&text); err != nil {
				if errors.Is(err, sql.ErrNoRows) {
					break
				}

				return nil, false, lazyerrors.Error(err)
			}

			if text == nil {
				break
			}

			last = *text

			var key any

			switch {
			case last == "null":
				key = types.Null
			case last == "true" || last == "false":
				key = last == "true"
			case len(last) == 1 && last[0] >= '0' && last[0] <= '9':
				key = int32(last[0] - '0') // an integer 0-9 (an int, under the promise)
			case strings.HasPrefix(last, `"`):
				var s string
				if json.Unmarshal([]byte(last), &s) != nil {
					return nil, false, nil
				}

				key = s
			default:
				return nil, false, nil // another number, a document or an array: not under the promise
			}

			c := "missing"
			if key != types.Null {
				c = mujibClass(key, true)
			}

			if c == "" || (class != "" && c != "missing" && c != class) {
				return nil, false, nil
			}

			if c != "missing" {
				class = c
			}

			a := append(append([]any(nil), one.args...), last)

			var n int64
			if err := db.QueryRowContext(ctx, one.q, a...).Scan(&n); err != nil {
				return nil, false, lazyerrors.Error(err)
			}

			add(key, n)
		}
	}

	docs := make([]*types.Document, 0, len(keys))

	for _, k := range keys {
		var n any = counts[k]
		if counts[k] <= 1<<31-1 {
			n = int32(counts[k])
		}

		docs = append(docs, must.NotFail(types.NewDocument("_id", k, g.As, n)))
	}

	return &backends.QueryResult{Iter: iterator.Values(iterator.ForSlice(docs)), Grouped: true}, true, nil
}

// mujibExplain returns the plans of the statements a typed pushdown runs (explain command),
// and whether every one is answered from an index; ok false if the query is not one.
func mujibExplain(ctx context.Context, db *fsql.DB, meta *metadata.Collection, params *backends.ExplainParams) (*types.Document, bool, error) {
	if params.Comment != MujibTypedComment {
		return nil, false, nil
	}

	var stmts []mujibStmt

	if params.GroupCountHint != nil {
		groups, ok := mujibGroupStatements(meta, params.Filter, params.GroupCountHint)
		if !ok {
			return nil, false, nil
		}

		for _, g := range groups {
			for _, st := range g {
				if strings.Count(st.q, "?") > len(st.args) {
					st.args = append(st.args, "")
				}

				stmts = append(stmts, st)
			}
		}
	} else {
		var ok bool
		if stmts, ok = mujibSortStatements(meta, params.Filter, params.SortHint, params.LimitHint); !ok {
			return nil, false, nil
		}
	}

	all := true
	list := types.MakeArray(len(stmts))

	for _, st := range stmts {
		indexed, err := mujibIndexed(ctx, db, st.q, st.args, st.terms)
		if err != nil {
			return nil, false, err
		}

		all = all && indexed

		rows, err := db.QueryContext(ctx, "EXPLAIN QUERY PLAN "+st.q, st.args...)
		if err != nil {
			return nil, false, lazyerrors.Error(err)
		}

		plan := types.MakeArray(2)

		for rows.Next() {
			var id, parent, notused int64
			var detail string

			if err = rows.Scan(&id, &parent, &notused, &detail); err != nil {
				rows.Close()
				return nil, false, lazyerrors.Error(err)
			}

			plan.Append(detail)
		}

		rows.Close()

		list.Append(must.NotFail(types.NewDocument("sql", st.q, "plan", plan, "indexed", indexed)))
	}

	return must.NotFail(types.NewDocument("mujibTyped", true, "indexed", all, "statements", list)), true, nil
}
