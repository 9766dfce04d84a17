//! A table as every spreadsheet format holds it: named sheets of rows of cells, each sheet
//! knowing the file it came from, so a bad cell is named by file, row and column.

use std::fmt;
use std::path::PathBuf;

/// One cell. Text files hold only text; workbooks also hold numbers and booleans.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    Bool(bool),
}

impl Cell {
    pub fn text(text: impl Into<String>) -> Cell {
        let text = text.into();
        if text.is_empty() {
            Cell::Empty
        } else {
            Cell::Text(text)
        }
    }

    pub fn number(value: Option<f64>) -> Cell {
        value.map_or(Cell::Empty, Cell::Number)
    }

    /// Empty, or text of nothing but spaces.
    pub fn is_blank(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(text) => text.trim().is_empty(),
            Cell::Number(_) | Cell::Bool(_) => false,
        }
    }

    /// The cell as a text file writes it. Numbers print in Rust's shortest form that reads
    /// back as the same number, so a table written and read again loses no digit.
    pub fn to_text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(text) => text.clone(),
            Cell::Number(value) => value.to_string(),
            Cell::Bool(true) => "yes".to_owned(),
            Cell::Bool(false) => "no".to_owned(),
        }
    }
}

/// One sheet: a workbook's worksheet or a whole CSV file.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    /// The sheet's name in its workbook, or the table a CSV file holds (`statements`).
    pub name: String,
    pub rows: Vec<Vec<Cell>>,
    pub origin: Origin,
}

/// Where a sheet sits, for messages: its file, its name in a workbook, and the row and column
/// of its first cell (a worksheet may start below or right of A1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    pub file: PathBuf,
    /// The worksheet's name; `None` for a CSV file, which is one sheet.
    pub sheet: Option<String>,
    /// 1-based row and column of `rows[0][0]`.
    pub first_row: usize,
    pub first_column: usize,
}

impl Origin {
    pub fn of_file(file: PathBuf) -> Origin {
        Origin {
            file,
            sheet: None,
            first_row: 1,
            first_column: 1,
        }
    }

    /// The place of `rows[row][column]`.
    pub fn at(&self, row: usize, column: usize) -> Place {
        Place {
            file: self.file.clone(),
            sheet: self.sheet.clone(),
            row: self.first_row + row,
            column: self.first_column + column,
        }
    }
}

/// A cell's place: `file:row:column`, and the worksheet when there are several.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub file: PathBuf,
    pub sheet: Option<String>,
    /// 1-based, as spreadsheets number them.
    pub row: usize,
    pub column: usize,
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Row 0: the file as a whole, when nothing in it is one cell.
        if self.row == 0 {
            return write!(f, "{}", self.file.display());
        }
        write!(f, "{}:{}:{}", self.file.display(), self.row, self.column)?;
        if let Some(sheet) = &self.sheet {
            write!(
                f,
                " (sheet “{sheet}”, cell {}{})",
                column_letters(self.column),
                self.row
            )?;
        }
        Ok(())
    }
}

/// A spreadsheet's name of a 1-based column: 1 → A, 27 → AA.
pub fn column_letters(column: usize) -> String {
    let mut letters = Vec::new();
    let mut rest = column;
    while rest > 0 {
        let digit = (rest - 1) % 26;
        letters.push(char::from(b'A' + u8::try_from(digit).unwrap_or(0)));
        rest = (rest - 1) / 26;
    }
    letters.iter().rev().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_lettered_as_spreadsheets_letter_them() {
        assert_eq!(column_letters(1), "A");
        assert_eq!(column_letters(26), "Z");
        assert_eq!(column_letters(27), "AA");
        assert_eq!(column_letters(52), "AZ");
        assert_eq!(column_letters(703), "AAA");
    }

    #[test]
    fn a_place_in_a_workbook_names_the_sheet_and_the_cell() {
        let origin = Origin {
            file: PathBuf::from("book.xlsx"),
            sheet: Some("statements".to_owned()),
            first_row: 2,
            first_column: 3,
        };
        assert_eq!(
            origin.at(3, 1).to_string(),
            "book.xlsx:5:4 (sheet “statements”, cell D5)"
        );
        assert_eq!(
            Origin::of_file(PathBuf::from("t.csv")).at(0, 0).to_string(),
            "t.csv:1:1"
        );
    }

    #[test]
    fn numbers_print_so_they_read_back_the_same() {
        for value in [0.1, 80.0, 12.5, 1.0 / 3.0, -0.0] {
            let text = Cell::Number(value).to_text();
            assert_eq!(text.parse::<f64>().ok(), Some(value), "{text}");
        }
        assert_eq!(Cell::Number(80.0).to_text(), "80");
    }
}
