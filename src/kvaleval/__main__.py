from kvaleval.cli import main

main()
