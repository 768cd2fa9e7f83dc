/** The PDF media type. */
export const pdfMediaType = 'application/pdf';
/** The DOCX (Word 2007+) media type. */
export const docxMediaType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
/** The part every Word document has; its presence tells a DOCX from other ZIP archives. */
export const wordDocumentPart = 'word/document.xml';
