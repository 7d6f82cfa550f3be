package org.dutychain.config;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Streaming XLSX workbooks (reports, dataset exports): rows are flushed to temporary
 * files, which are removed whatever happens while the workbook is filled or written.
 */
public final class Workbooks {

	private Workbooks() {
	}

	/**
	 * Fills a new streaming workbook that keeps {@code rowWindow} rows in memory, writes
	 * it to {@code out} and deletes its temporary files.
	 */
	public static void write(int rowWindow, OutputStream out, Consumer<SXSSFWorkbook> fill) {
		SXSSFWorkbook workbook = new SXSSFWorkbook(rowWindow);
		try {
			fill.accept(workbook);
			workbook.write(out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			workbook.dispose();
			try {
				workbook.close();
			}
			catch (IOException ex) {
				// nothing left to release
			}
		}
	}

}
