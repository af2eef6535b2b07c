// One webRequest listener for top-level documents that does nothing: what any request-watching
// extension costs a page load, before it does any work of its own.
chrome.webRequest.onCompleted.addListener(() => {}, { urls: ['<all_urls>'], types: ['main_frame'] });
