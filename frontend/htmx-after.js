// Evaluated just after htmx: the document's addEventListener is its own again (see htmx-before.js).
if (Object.prototype.hasOwnProperty.call(document, "addEventListener")) delete document.addEventListener;
