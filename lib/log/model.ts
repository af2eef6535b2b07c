/** The log an incident came from when it was seen in this browser (imports carry their file's label). */
export const LOCAL_SOURCE = 'this browser';
