//! Tables as one workbook: written as XLSX with rust_xlsxwriter, read from XLSX or ODS (and
//! the older XLS and XLSB) with calamine.

use std::io::Cursor;
use std::path::{Path, PathBuf};

use calamine::{Data, Reader, open_workbook_auto_from_rs};
use rust_xlsxwriter::{Format, Workbook, XlsxError};

use common_ground_core::io::write_atomically;

use crate::csv_files::read_table_file;
use crate::error::Error;
use crate::sheet::{Cell, Origin, Sheet, column_letters};

/// The widest a column is made, in characters: quotes run long, and a sheet whose columns
/// are all a screen wide cannot be read.
const WIDEST_COLUMN: usize = 60;

/// The most text one cell of a workbook holds (Excel's limit, which LibreOffice shares).
const MAX_CELL_TEXT: usize = 32_767;

/// Writes the sheets as one XLSX workbook at `to`, atomically.
pub fn write_xlsx(sheets: &[Sheet], to: &Path) -> Result<PathBuf, Error> {
    let failed = |message: String| Error::Xlsx {
        path: to.to_owned(),
        message,
    };
    let mut workbook = Workbook::new();
    let header = Format::new().set_bold();
    let wrapped = Format::new().set_text_wrap();
    for sheet in sheets {
        let worksheet = workbook.add_worksheet();
        worksheet
            .set_name(sheet.name.as_str())
            .map_err(|error| failed(error.to_string()))?;
        let mut widths: Vec<usize> = Vec::new();
        for (row_index, row) in sheet.rows.iter().enumerate() {
            let row_number = u32::try_from(row_index)
                .map_err(|_too_many| failed("more rows than a worksheet holds".to_owned()))?;
            for (column_index, cell) in row.iter().enumerate() {
                let place = || {
                    format!(
                        "sheet “{}”, cell {}{}",
                        sheet.name,
                        column_letters(column_index + 1),
                        row_index + 1
                    )
                };
                let column = u16::try_from(column_index)
                    .map_err(|_too_many| failed(format!("{}: too many columns", place())))?;
                let text_length = cell.to_text().chars().count();
                if text_length > MAX_CELL_TEXT {
                    return Err(failed(format!(
                        "{}: the text is {text_length} characters, over the {MAX_CELL_TEXT} a \
                         workbook's cell holds; nothing was written. Export as CSV, which \
                         has no limit",
                        place()
                    )));
                }
                let written: Result<_, XlsxError> = match cell {
                    Cell::Empty => continue,
                    Cell::Number(value) => worksheet.write_number(row_number, column, *value),
                    _ if row_index == 0 => worksheet.write_string_with_format(
                        row_number,
                        column,
                        cell.to_text(),
                        &header,
                    ),
                    Cell::Text(text) if text.contains('\n') => {
                        worksheet.write_string_with_format(row_number, column, text, &wrapped)
                    }
                    Cell::Text(_) | Cell::Bool(_) => {
                        worksheet.write_string(row_number, column, cell.to_text())
                    }
                };
                written.map_err(|error| failed(format!("{}: {error}", place())))?;
                let longest_line = cell
                    .to_text()
                    .lines()
                    .map(|line| line.chars().count())
                    .max()
                    .unwrap_or(0);
                if widths.len() <= column_index {
                    widths.resize(column_index + 1, 0);
                }
                if let Some(width) = widths.get_mut(column_index) {
                    *width = (*width).max(longest_line);
                }
            }
        }
        for (column, width) in widths.iter().enumerate() {
            let column = u16::try_from(column).unwrap_or(u16::MAX);
            #[expect(
                clippy::cast_precision_loss,
                reason = "a width of at most WIDEST_COLUMN characters"
            )]
            let width = (*width).clamp(6, WIDEST_COLUMN) as f64 + 2.0;
            worksheet
                .set_column_width(column, width)
                .map_err(|error| failed(error.to_string()))?;
        }
        worksheet
            .set_freeze_panes(1, 0)
            .map_err(|error| failed(error.to_string()))?;
    }
    let bytes = workbook
        .save_to_buffer()
        .map_err(|error| failed(error.to_string()))?;
    write_atomically(to, &bytes)?;
    Ok(to.to_owned())
}

/// Reads every worksheet of an XLSX, ODS, XLS or XLSB workbook.
pub fn read(path: &Path) -> Result<Vec<Sheet>, Error> {
    parse(path, read_table_file(path)?)
}

/// Reads workbook bytes as the sheets of `path`.
pub fn parse(path: &Path, bytes: Vec<u8>) -> Result<Vec<Sheet>, Error> {
    let mut workbook =
        open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|error| Error::Unreadable {
            path: path.to_owned(),
            message: format!("this is not a workbook that can be read ({error})"),
        })?;
    let mut sheets = Vec::new();
    for name in workbook.sheet_names() {
        let range = workbook
            .worksheet_range(&name)
            .map_err(|error| Error::Unreadable {
                path: path.to_owned(),
                message: format!("the sheet “{name}” cannot be read ({error})"),
            })?;
        let (first_row, first_column) = range.start().unwrap_or((0, 0));
        let rows = range
            .rows()
            .map(|row| row.iter().map(cell_of).collect())
            .collect();
        sheets.push(Sheet {
            name: name.clone(),
            rows,
            origin: Origin {
                file: path.to_owned(),
                sheet: Some(name),
                first_row: usize::try_from(first_row).unwrap_or(0) + 1,
                first_column: usize::try_from(first_column).unwrap_or(0) + 1,
            },
        });
    }
    Ok(sheets)
}

fn cell_of(data: &Data) -> Cell {
    match data {
        Data::Empty => Cell::Empty,
        Data::String(text) | Data::DurationIso(text) => Cell::text(text.as_str()),
        #[expect(
            clippy::cast_precision_loss,
            reason = "whole numbers in a position table are far below 2^53"
        )]
        Data::Int(value) => Cell::Number(*value as f64),
        Data::Float(value) => Cell::Number(*value),
        Data::Bool(value) => Cell::Bool(*value),
        // A date cell reads as the date, which is all a position table keeps of it.
        Data::DateTime(date) if date.is_datetime() => {
            let (year, month, day, ..) = date.to_ymd_hms_milli();
            Cell::Text(format!("{year:04}-{month:02}-{day:02}"))
        }
        Data::DateTime(duration) => Cell::Number(duration.as_f64()),
        Data::DateTimeIso(text) => Cell::text(text.split('T').next().unwrap_or(text.as_str())),
        Data::Error(error) => Cell::Text(error.to_string()),
    }
}
