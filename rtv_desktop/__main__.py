from rtv_desktop.app import main

main()
