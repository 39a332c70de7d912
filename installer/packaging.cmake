# Install layout and CPack packages. Included at the end of the top-level CMakeLists.txt, after
# every target exists. The binary's own install rule lives in src/app/CMakeLists.txt.
#
#   Linux:   `cpack -G DEB` (scripts/package.sh does the whole clean Release build).
#   Windows: `cpack -G NSIS`      recipe: installer/windows/README.md
#   macOS:   `cpack -G DragNDrop` recipe: installer/macos/README.md
include(GNUInstallDirs)

# One reverse-DNS id names the desktop entry, the AppStream component, the icon and the
# autostart template (io.github.<user> with the hyphen as underscore, as AppStream asks).
set(LLMO_APP_ID "io.github.llm_orchestrator")
set(LLMO_HOMEPAGE_URL "https://github.com/llm-orchestrator/llm-orchestrator")
set(LLMO_SCREENSHOT_URL
    "https://raw.githubusercontent.com/llm-orchestrator/llm-orchestrator/main/docs/screenshots")
set(LLMO_MAINTAINER "LLM Orchestrator maintainers <llm-orchestrator@users.noreply.github.com>")
# The release of PROJECT_VERSION: change both together with the version in project(), and add a
# <release> to the metainfo and an entry to changelog.Debian.in.
set(LLMO_RELEASE_DATE "2026-11-26")
set(LLMO_RELEASE_DATE_RFC2822 "Thu, 26 Nov 2026 12:00:00 +0000")
set(LLMO_DEB_RELEASE 1)
set(LLMO_DEB_VERSION "${PROJECT_VERSION}-${LLMO_DEB_RELEASE}")

set(LLMO_INSTALLER_DIR ${CMAKE_CURRENT_LIST_DIR})
set(LLMO_APP_SVG ${PROJECT_SOURCE_DIR}/resources/icons/app.svg)

# Debian carries the license in doc/<package>/copyright (below); the other platforms get the file.
if(WIN32 OR APPLE)
    install(FILES ${PROJECT_SOURCE_DIR}/LICENSE DESTINATION ${CMAKE_INSTALL_DOCDIR})
endif()

if(UNIX AND NOT APPLE)
    set(llmo_gen ${CMAKE_CURRENT_BINARY_DIR}/installer)
    configure_file(${LLMO_INSTALLER_DIR}/linux/${LLMO_APP_ID}.metainfo.xml.in
                   ${llmo_gen}/${LLMO_APP_ID}.metainfo.xml @ONLY)
    configure_file(${LLMO_INSTALLER_DIR}/linux/llm-orchestrator.1.in
                   ${llmo_gen}/llm-orchestrator.1 @ONLY)
    configure_file(${LLMO_INSTALLER_DIR}/linux/changelog.Debian.in
                   ${llmo_gen}/changelog.Debian @ONLY)

    # Debian wants both compressed with -9 and without a timestamp (-n) for reproducibility.
    set(llmo_data_outputs)
    foreach(file llm-orchestrator.1 changelog.Debian)
        add_custom_command(OUTPUT ${llmo_gen}/${file}.gz
            COMMAND gzip -9nc ${llmo_gen}/${file} > ${llmo_gen}/${file}.gz
            DEPENDS ${llmo_gen}/${file}
            COMMENT "Compressing ${file}"
            VERBATIM)
        list(APPEND llmo_data_outputs ${llmo_gen}/${file}.gz)
    endforeach()

    # PNG icons are rendered from the app SVG at build time (not committed, so they never
    # drift from it). rsvg-convert comes with librsvg2-bin; without it only the SVG is
    # installed (scripts/package.sh installs it).
    set(LLMO_ICON_SIZES 16 22 24 32 48 64 128 256 512)
    find_program(LLMO_RSVG_CONVERT rsvg-convert)
    if(LLMO_RSVG_CONVERT)
        foreach(size ${LLMO_ICON_SIZES})
            set(png ${llmo_gen}/icons/${size}x${size}/${LLMO_APP_ID}.png)
            add_custom_command(OUTPUT ${png}
                COMMAND ${CMAKE_COMMAND} -E make_directory ${llmo_gen}/icons/${size}x${size}
                COMMAND ${LLMO_RSVG_CONVERT} -w ${size} -h ${size} -o ${png} ${LLMO_APP_SVG}
                DEPENDS ${LLMO_APP_SVG}
                COMMENT "Rendering ${size}x${size} icon"
                VERBATIM)
            list(APPEND llmo_data_outputs ${png})
            install(FILES ${png}
                    DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/icons/hicolor/${size}x${size}/apps)
        endforeach()
    else()
        message(STATUS "rsvg-convert not found: the package gets the SVG icon only "
                       "(install librsvg2-bin for the PNG sizes)")
    endif()
    add_custom_target(llmo_package_data ALL DEPENDS ${llmo_data_outputs})

    install(FILES ${LLMO_INSTALLER_DIR}/linux/${LLMO_APP_ID}.desktop
            DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/applications)
    install(FILES ${llmo_gen}/${LLMO_APP_ID}.metainfo.xml
            DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/metainfo)
    install(FILES ${LLMO_APP_SVG}
            DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/icons/hicolor/scalable/apps
            RENAME ${LLMO_APP_ID}.svg)
    # The template the Settings page's "Start at login" copies to ~/.config/autostart/.
    install(FILES ${LLMO_INSTALLER_DIR}/linux/autostart/${LLMO_APP_ID}.desktop
            DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/llm-orchestrator/autostart)
    install(FILES ${llmo_gen}/llm-orchestrator.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
    install(FILES ${LLMO_INSTALLER_DIR}/linux/copyright ${llmo_gen}/changelog.Debian.gz
            DESTINATION ${CMAKE_INSTALL_DOCDIR})
    install(FILES ${LLMO_INSTALLER_DIR}/linux/lintian-overrides
            DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/lintian/overrides
            RENAME llm-orchestrator)
endif()

# ---- CPack: settings shared by every generator -------------------------------------------
set(CPACK_PACKAGE_NAME "llm-orchestrator")
set(CPACK_PACKAGE_VENDOR "The LLM Orchestrator contributors")
set(CPACK_PACKAGE_CONTACT "${LLMO_MAINTAINER}")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_HOMEPAGE_URL "${LLMO_HOMEPAGE_URL}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "desktop LLM API gateway with routing and failover")
# The Debian description wraps at 80 columns: keep each line below it.
string(CONCAT CPACK_PACKAGE_DESCRIPTION
    "LLM Orchestrator serves the OpenAI Chat Completions and Responses,\n"
    "Anthropic Messages and Gemini APIs on a local address. For each model\n"
    "name it routes requests across upstream providers by priority and weight,\n"
    "fails over when one errors, times out or rate-limits, and records every\n"
    "request with tokens and latency in a database.\n"
    "A window with a tray icon manages providers, models and weights and charts\n"
    "the traffic. The same program runs headless on servers.")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "LLM Orchestrator")
set(CPACK_PACKAGE_EXECUTABLES "llm-orchestrator" "LLM Orchestrator")
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_STRIP_FILES ON)
set(CPACK_SOURCE_IGNORE_FILES "/build[^/]*/" "/\\\\.git/")

# ---- DEB ---------------------------------------------------------------------------------
set(CPACK_DEBIAN_PACKAGE_NAME "llm-orchestrator")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_RELEASE ${LLMO_DEB_RELEASE})
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${LLMO_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION "net")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
# Libraries come from dpkg-shlibdeps; plugins are loaded at run time, which it cannot see:
# the SQLite driver (the default database) and the platform plugins (xcb for the window,
# offscreen/minimal; headless needs none, but the GUI fails without them).
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite, qt6-qpa-plugins")
# Qt's own translations (dialog buttons in Chinese) and the Wayland platform plugin.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-translations-l10n, qt6-wayland")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)

# ---- NSIS (Windows) ------------------------------------------------------------------------
set(CPACK_NSIS_DISPLAY_NAME "LLM Orchestrator")
set(CPACK_NSIS_PACKAGE_NAME "LLM Orchestrator ${PROJECT_VERSION}")
set(CPACK_NSIS_URL_INFO_ABOUT "${LLMO_HOMEPAGE_URL}")
set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\\\llm-orchestrator.exe")
set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
set(CPACK_NSIS_MUI_FINISHPAGE_RUN "llm-orchestrator.exe")
set(CPACK_CREATE_DESKTOP_LINKS "llm-orchestrator")
if(EXISTS ${LLMO_INSTALLER_DIR}/windows/app.ico)
    set(CPACK_NSIS_MUI_ICON ${LLMO_INSTALLER_DIR}/windows/app.ico)
    set(CPACK_NSIS_MUI_UNIICON ${LLMO_INSTALLER_DIR}/windows/app.ico)
endif()

# ---- DragNDrop (macOS) ---------------------------------------------------------------------
set(CPACK_DMG_VOLUME_NAME "LLM Orchestrator")
set(CPACK_DMG_FORMAT UDZO)

# windeployqt / macdeployqt: Qt's deploy script copies the Qt libraries and plugins next to
# the installed program at install (and so at cpack) time. Qt 6.4 supports it on Windows and
# macOS only; on Linux the package depends on the distribution's Qt instead.
if(WIN32 OR APPLE)
    qt_generate_deploy_app_script(TARGET llm-orchestrator
        FILENAME_VARIABLE llmo_deploy_script
        NO_UNSUPPORTED_PLATFORM_ERROR)
    install(SCRIPT ${llmo_deploy_script})
endif()

if(WIN32)
    set(CPACK_GENERATOR NSIS)
elseif(APPLE)
    set(CPACK_GENERATOR DragNDrop)
else()
    set(CPACK_GENERATOR DEB)
endif()

include(CPack)
