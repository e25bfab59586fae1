/**
 * Files the operating system opened with the installed app (the manifest's `file_handlers`, read from
 * the File Handling API's launch queue where the browser has it; elsewhere nothing happens).
 */
interface LaunchParams {
  files: readonly FileSystemFileHandle[];
}
interface LaunchQueue {
  setConsumer(consumer: (params: LaunchParams) => void): void;
}

export function onLaunchedFiles(handle: (files: File[]) => void): void {
  const queue = (window as { launchQueue?: LaunchQueue }).launchQueue;
  queue?.setConsumer((params) => {
    void Promise.all(params.files.map((file) => file.getFile())).then((files) => files.length > 0 && handle(files));
  });
}
