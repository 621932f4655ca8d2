; Start-at-login option of the Windows installer (included by electron-builder's NSIS script).
; The value name equals the app's AppUserModelId, which is what Electron's app.setLoginItemSettings uses,
; so the tray's "Start at login" checkbox shows and changes the same entry for per-user installs.
; SHCTX is HKLM for a per-machine install (every user), HKCU for a per-user one.
; Silent installs (/S) answer yes.

!macro customInstall
  MessageBox MB_YESNO|MB_ICONQUESTION "Start Infoplus ERP Sync automatically when you sign in to Windows?$\r$\n$\r$\nYou can change this later in the tray menu (Start at login)." /SD IDYES IDNO skipStartAtLogin
    WriteRegStr SHCTX "Software\Microsoft\Windows\CurrentVersion\Run" "com.infoplus.erpsync" '"$INSTDIR\${APP_EXECUTABLE_FILENAME}" --hidden'
  skipStartAtLogin:
!macroend

!macro customUnInstall
  DeleteRegValue SHCTX "Software\Microsoft\Windows\CurrentVersion\Run" "com.infoplus.erpsync"
  DeleteRegValue HKCU "Software\Microsoft\Windows\CurrentVersion\Run" "com.infoplus.erpsync"
!macroend
