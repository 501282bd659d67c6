// The function file's only work: tell Office it is ready.
/* global Office */
Office.onReady(function () {});
