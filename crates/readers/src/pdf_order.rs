//! Reading order on a PDF page: side columns, margin labels and table rows.

use crate::pdf::Page;
use crate::pdf_layout::PrintedLine;

/// Side-column lines (entirely left or right of the main column) first, then the main column, top to bottom.
pub(crate) fn reading_order<'l>(
    mut lines: Vec<&'l PrintedLine>,
    page: &Page,
) -> Vec<&'l PrintedLine> {
    lines.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.x.total_cmp(&b.x)));
    let Some((left, right)) = main_column(&lines, page) else {
        return lines;
    };
    let outside = |l: &PrintedLine| l.right < left - 2.0 || l.x > right + 2.0;
    let on_baseline_of_main = |l: &PrintedLine| {
        lines
            .iter()
            .any(|m| !outside(m) && (m.y - l.y).abs() < 0.3 * m.size.max(l.size))
    };
    // A short label in the left margin ("1", "Vraag 1", "Vergaderjaar 2023–2024") beside a line
    // of the column reads with that line; the rest of a side column is read before the column.
    let margin_label = |l: &PrintedLine| {
        l.right < left - 2.0
            && l.text(false).split_whitespace().count() <= 3
            && on_baseline_of_main(l)
    };
    let (side, main): (Vec<&PrintedLine>, Vec<&PrintedLine>) = lines
        .iter()
        .copied()
        .partition(|l| outside(l) && !margin_label(l));
    side.into_iter().chain(main).collect()
}

/// Lines of one column that share a baseline (the cells of a table row, tab-separated text)
/// become one line, their parts in order from left to right.
pub(crate) fn merge_rows(lines: Vec<&PrintedLine>) -> Vec<PrintedLine> {
    let mut out: Vec<PrintedLine> = Vec::new();
    for l in lines {
        match out.last_mut() {
            Some(row) if (row.y - l.y).abs() < 0.25 * row.size.max(l.size) && l.x > row.x => {
                row.runs.extend(l.runs.iter().cloned());
                row.right = row.right.max(l.right);
                row.size = row.size.max(l.size);
            }
            _ => out.push(l.clone()),
        }
    }
    out
}

/// Left and right edge of the column most lines start in.
fn main_column(lines: &[&PrintedLine], _page: &Page) -> Option<(f32, f32)> {
    let mut starts: Vec<(i32, usize)> = Vec::new();
    for l in lines {
        let key = (l.x / 4.0).round() as i32;
        match starts.iter_mut().find(|(k, _)| *k == key) {
            Some(c) => c.1 += 1,
            None => starts.push((key, 1)),
        }
    }
    let (key, _) = starts.iter().max_by_key(|(_, n)| *n)?;
    let left = lines
        .iter()
        .filter(|l| (l.x / 4.0).round() as i32 == *key)
        .map(|l| l.x)
        .fold(f32::INFINITY, f32::min);
    // The right edge: as far as the lines that start at the column's left edge reach.
    let right = lines
        .iter()
        .filter(|l| (l.x - left).abs() < 2.0 * l.size)
        .map(|l| l.right)
        .fold(left, f32::max);
    Some((left, right))
}
